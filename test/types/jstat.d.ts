// jstat ships no type declarations; these cover the distribution functions the tests use.
declare module 'jstat' {
  interface JStat {
    chisquare: { cdf(x: number, degreesOfFreedom: number): number }
    normal: { cdf(x: number, mean: number, sd: number): number }
    studentt: { cdf(x: number, degreesOfFreedom: number): number }
  }
  const jStat: JStat
  export default jStat
}
