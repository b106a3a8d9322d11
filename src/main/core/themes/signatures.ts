import type { CsrMatrix } from './linalg/matrix'
import type { TicketFeatureModel } from './text/ticket-features'

/**
 * A theme's centroid as weights of named terms: `w:<word term>` and `c:<character n-gram hash>`.
 * Named rather than numbered so that two runs (whose feature columns differ) and two workspaces
 * (a taxonomy file) can compare them. Unit length; the largest SIGNATURE_TERMS weights only.
 */
export type Signature = Map<string, number>

/** Terms kept per signature: enough to tell themes apart, small enough to store with the theme. */
export const SIGNATURE_TERMS = 150

/** The name of each column of `hstackRows(words, chars)` in a feature model. */
export function columnNames(model: TicketFeatureModel): string[] {
  const names: string[] = new Array<string>(model.words.columns.size + model.chars.columns.size)
  for (const [term, c] of model.words.columns) names[c] = `w:${term}`
  const offset = model.words.columns.size
  for (const [hash, c] of model.chars.columns) names[offset + c] = `c:${hash}`
  return names
}

/**
 * The signature of each group of rows (groups[i] in 0..count-1; others skipped): the mean of its
 * rows, cut to the largest terms, unit length. Empty groups get an empty signature.
 */
export function groupSignatures(
  x: CsrMatrix,
  groups: ArrayLike<number>,
  count: number,
  names: readonly string[],
  terms = SIGNATURE_TERMS
): Signature[] {
  const sums = Array.from({ length: count }, () => new Map<number, number>())
  for (let r = 0; r < x.rows; r++) {
    const g = groups[r]!
    if (g < 0 || g >= count) continue
    const sum = sums[g]!
    for (let i = x.indptr[r]!; i < x.indptr[r + 1]!; i++) {
      const c = x.indices[i]!
      sum.set(c, (sum.get(c) ?? 0) + x.data[i]!)
    }
  }
  return sums.map((sum) => {
    const top = [...sum.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, terms)
    const norm = Math.sqrt(top.reduce((s, [, v]) => s + v * v, 0))
    return new Map(top.map(([c, v]) => [names[c]!, norm > 0 ? v / norm : 0]))
  })
}

/** Cosine similarity of two signatures (both unit length). */
export function similarity(a: Signature, b: Signature): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a]
  let dot = 0
  for (const [term, w] of small) {
    const v = large.get(term)
    if (v !== undefined) dot += w * v
  }
  return dot
}

/** A signature over a feature space's columns (terms the space lacks dropped). */
export function signatureColumns(
  signature: Signature,
  columnOf: ReadonlyMap<string, number>
): Map<number, number> {
  const out = new Map<number, number>()
  for (const [term, w] of signature) {
    const c = columnOf.get(term)
    if (c !== undefined) out.set(c, w)
  }
  return out
}

/** Dot product of row r of x with a column-keyed signature. */
export function rowDot(x: CsrMatrix, r: number, columns: ReadonlyMap<number, number>): number {
  let dot = 0
  for (let i = x.indptr[r]!; i < x.indptr[r + 1]!; i++) dot += x.data[i]! * (columns.get(x.indices[i]!) ?? 0)
  return dot
}

/** The index of the column-keyed signature nearest to row r of x (largest dot product; ties: first). */
export function nearestSignature(
  x: CsrMatrix,
  r: number,
  candidates: ReadonlyArray<ReadonlyMap<number, number>>
): number {
  let best = 0
  let bestDot = -Infinity
  candidates.forEach((columns, k) => {
    const dot = rowDot(x, r, columns)
    if (dot > bestDot) {
      bestDot = dot
      best = k
    }
  })
  return best
}

/** A signature as a plain object for JSON (weights rounded to 6 digits). */
export function signatureToJson(signature: Signature): Record<string, number> {
  const out: Record<string, number> = {}
  for (const [term, w] of signature) out[term] = Math.round(w * 1e6) / 1e6
  return out
}

/** A signature from JSON; anything that is not a finite number is dropped. */
export function signatureFromJson(json: unknown): Signature {
  const out: Signature = new Map()
  if (json && typeof json === 'object') {
    for (const [term, w] of Object.entries(json as Record<string, unknown>)) {
      if (typeof w === 'number' && Number.isFinite(w)) out.set(term, w)
    }
  }
  return out
}
