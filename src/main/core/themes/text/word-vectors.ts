import { csrTimesDense } from '../linalg/csr'
import { normalizeRows } from '../linalg/dense'
import type { CsrMatrix, DenseMatrix } from '../linalg/matrix'
import { truncatedSvd } from '../linalg/truncated-svd'

export interface WordVectorOptions {
  /** Words either side that count as context (default 5). */
  window?: number
  dimensions?: number
  seed?: number
}

/**
 * Word vectors learned from the workspace's own text: positive pointwise mutual information of
 * words within a window, with context counts smoothed by the 0.75 power, reduced by a truncated
 * SVD and weighted by Σ^½ (Levy, Goldberg & Dagan 2015). Words used in the same contexts — "not
 * arrived" and "not delivered" — get similar vectors. Rows are the columns of the word space.
 */
export function learnWordVectors(
  sequences: readonly Int32Array[],
  vocabulary: number,
  options: WordVectorOptions = {}
): DenseMatrix {
  const window = options.window ?? 5
  const pairs = new Map<number, number>()
  const counts = new Float64Array(vocabulary)
  let total = 0
  for (const seq of sequences) {
    for (let i = 0; i < seq.length; i++) {
      const w = seq[i]!
      for (let j = Math.max(0, i - window); j < Math.min(seq.length, i + window + 1); j++) {
        if (j === i) continue
        const c = seq[j]!
        const key = w * vocabulary + c
        pairs.set(key, (pairs.get(key) ?? 0) + 1)
        counts[w]! += 1
        total++
      }
    }
  }
  let smoothedTotal = 0
  const smoothed = new Float64Array(vocabulary)
  for (let c = 0; c < vocabulary; c++) {
    smoothed[c] = counts[c]! ** 0.75
    smoothedTotal += smoothed[c]!
  }
  // PPMI(w, c) = max(0, ln(P(w, c) / (P(w) · P_α(c)))), as a CSR matrix ordered by (w, c).
  const keys = [...pairs.keys()].sort((a, b) => a - b)
  const indptr = new Int32Array(vocabulary + 1)
  const indices: number[] = []
  const data: number[] = []
  for (const key of keys) {
    const w = Math.floor(key / vocabulary)
    const c = key - w * vocabulary
    const pmi = Math.log(((pairs.get(key)! / total) * smoothedTotal) / ((counts[w]! / total) * smoothed[c]!))
    if (pmi <= 0) continue
    indices.push(c)
    data.push(pmi)
    indptr[w + 1]!++
  }
  for (let w = 0; w < vocabulary; w++) indptr[w + 1]! += indptr[w]!
  const ppmi: CsrMatrix = {
    rows: vocabulary,
    cols: vocabulary,
    indptr,
    indices: Int32Array.from(indices),
    data: Float32Array.from(data)
  }
  if (indices.length === 0) return { rows: vocabulary, cols: 1, data: new Float32Array(vocabulary) }
  const svd = truncatedSvd(ppmi, options.dimensions ?? 100, { seed: options.seed ?? 1 })
  const k = svd.embedding.cols
  // U·Σ → U·Σ^½.
  for (let w = 0; w < vocabulary; w++)
    for (let j = 0; j < k; j++) {
      const s = svd.singularValues[j]!
      svd.embedding.data[w * k + j] = s > 0 ? svd.embedding.data[w * k + j]! / Math.sqrt(s) : 0
    }
  return svd.embedding
}

/** Each document as the TF-IDF-weighted sum of its words' vectors, L2-normalised. */
export function documentVectors(words: CsrMatrix, vectors: DenseMatrix): DenseMatrix {
  const out: DenseMatrix = {
    rows: words.rows,
    cols: vectors.cols,
    data: new Float32Array(words.rows * vectors.cols)
  }
  csrTimesDense(words, vectors.data, vectors.cols, out.data)
  return normalizeRows(out)
}
