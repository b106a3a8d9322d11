// jstat ships no type declarations; these cover the functions Loopbench uses.
declare module 'jstat' {
  interface JStat {
    betaln(a: number, b: number): number
    gammaln(x: number): number
    /** Regularized incomplete beta I_x(a, b). */
    ibeta(x: number, a: number, b: number): number
    chisquare: { cdf(x: number, degreesOfFreedom: number): number }
    normal: {
      cdf(x: number, mean: number, sd: number): number
      inv(p: number, mean: number, sd: number): number
    }
    studentt: {
      cdf(x: number, degreesOfFreedom: number): number
      inv(p: number, degreesOfFreedom: number): number
    }
  }
  const jStat: JStat
  export default jStat
}
