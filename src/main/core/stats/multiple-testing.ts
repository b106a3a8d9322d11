/**
 * Adjusted p-values for a family of comparisons, in input order, capped at 1 — the definitions
 * of statsmodels' `multipletests`: Holm's step-down (the running maximum of (m − r + 1)·p₍ᵣ₎
 * over the ascending order), Benjamini–Hochberg's step-up (the running minimum of m·p₍ᵣ₎ / r
 * from the largest down) and Bonferroni (m·p).
 */
export interface AdjustedPValues {
  holm: number[]
  benjaminiHochberg: number[]
  bonferroni: number[]
}

/** Indexes of `p` in ascending order of their values (stable for ties). */
function ascendingOrder(p: readonly number[]): number[] {
  return p.map((_, i) => i).sort((a, b) => p[a]! - p[b]! || a - b)
}

/** Holm's step-down adjustment. */
export function holm(p: readonly number[]): number[] {
  const m = p.length
  const out = new Array<number>(m)
  let running = 0
  ascendingOrder(p).forEach((index, rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * p[index]!))
    out[index] = running
  })
  return out
}

/** Benjamini–Hochberg's step-up adjustment (false discovery rate). */
export function benjaminiHochberg(p: readonly number[]): number[] {
  const m = p.length
  const out = new Array<number>(m)
  const order = ascendingOrder(p)
  let running = 1
  for (let rank = m - 1; rank >= 0; rank--) {
    const index = order[rank]!
    running = Math.min(running, (m * p[index]!) / (rank + 1))
    out[index] = running
  }
  return out
}

/** Bonferroni's adjustment. */
export function bonferroni(p: readonly number[]): number[] {
  return p.map((value) => Math.min(1, p.length * value))
}

/** All three adjustments of one family of p-values. */
export function adjustPValues(p: readonly number[]): AdjustedPValues {
  return { holm: holm(p), benjaminiHochberg: benjaminiHochberg(p), bonferroni: bonferroni(p) }
}
