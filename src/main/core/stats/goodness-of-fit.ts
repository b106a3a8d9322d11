import { chiSquareUpperTail } from './distributions'

/** Chi-square goodness of fit of observed counts to an intended split (sample-ratio mismatch). */
export interface GoodnessOfFit {
  total: number
  expected: number[]
  chi2: number
  dof: number
  p: number
}

/** Counts against the split `weights` (any positive numbers: 50/50, 1/1/1, 90/10); null when there is nothing to test. */
export function goodnessOfFit(counts: readonly number[], weights: readonly number[]): GoodnessOfFit | null {
  const total = counts.reduce((a, b) => a + b, 0)
  const weightSum = weights.reduce((a, b) => a + b, 0)
  if (counts.length < 2 || counts.length !== weights.length || total === 0 || !(weightSum > 0)) return null
  const expected = weights.map((w) => (total * w) / weightSum)
  if (expected.some((e) => !(e > 0))) return null
  const chi2 = counts.reduce((s, c, i) => s + (c - expected[i]!) ** 2 / expected[i]!, 0)
  const dof = counts.length - 1
  return { total, expected, chi2, dof, p: chiSquareUpperTail(chi2, dof) }
}
