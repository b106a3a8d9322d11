import type { CsrMatrix } from '../linalg/matrix'

/**
 * A fitted TF-IDF vocabulary: which term (a string, or a hashed character n-gram) is which
 * column, and each column's inverse document frequency. New texts are transformed with it
 * unchanged, so tickets imported later land in the same space.
 */
export interface TfidfModel<Term> {
  columns: Map<Term, number>
  idf: Float32Array
}

export interface TfidfOptions {
  /** A term must occur in at least this many documents (default 2: a term seen once links nothing). */
  minDf?: number
  /** Terms in more than this share of the documents are dropped (default 0.5). */
  maxDfShare?: number
}

/** The terms of one document, each once per occurrence. */
export type TermLists<Term> = ReadonlyArray<readonly Term[]>

/**
 * Fits the vocabulary and IDF of a corpus and returns its TF-IDF matrix: sublinear term
 * frequency 1 + ln(tf), smooth IDF ln((1 + n) / (1 + df)) + 1, rows L2-normalised — the
 * definitions of scikit-learn's `TfidfVectorizer(sublinear_tf=True)`.
 */
export function fitTfidf<Term>(
  docs: TermLists<Term>,
  options: TfidfOptions = {}
): { model: TfidfModel<Term>; matrix: CsrMatrix } {
  const minDf = options.minDf ?? 2
  const maxDf = Math.floor((options.maxDfShare ?? 0.5) * docs.length)
  const df = new Map<Term, number>()
  for (const terms of docs) {
    for (const t of new Set(terms)) df.set(t, (df.get(t) ?? 0) + 1)
  }
  // Columns in order of first appearance: deterministic for the same documents.
  const columns = new Map<Term, number>()
  const idfValues: number[] = []
  for (const [term, count] of df) {
    if (count < minDf || (count > maxDf && docs.length >= 20)) continue
    columns.set(term, columns.size)
    idfValues.push(Math.log((1 + docs.length) / (1 + count)) + 1)
  }
  const model: TfidfModel<Term> = { columns, idf: Float32Array.from(idfValues) }
  return { model, matrix: transformTfidf(model, docs) }
}

/** The TF-IDF matrix of documents in a fitted vocabulary (unknown terms ignored). */
export function transformTfidf<Term>(model: TfidfModel<Term>, docs: TermLists<Term>): CsrMatrix {
  const indptr = new Int32Array(docs.length + 1)
  let indices = new Int32Array(Math.max(16, docs.length * 32))
  let data = new Float32Array(indices.length)
  let nnz = 0
  const counts = new Map<number, number>()
  for (let r = 0; r < docs.length; r++) {
    counts.clear()
    for (const t of docs[r]!) {
      const c = model.columns.get(t)
      if (c !== undefined) counts.set(c, (counts.get(c) ?? 0) + 1)
    }
    if (nnz + counts.size > indices.length) {
      const size = Math.max(indices.length * 2, nnz + counts.size)
      const grownIndices = new Int32Array(size)
      grownIndices.set(indices.subarray(0, nnz))
      const grownData = new Float32Array(size)
      grownData.set(data.subarray(0, nnz))
      indices = grownIndices
      data = grownData
    }
    const cols = [...counts.keys()].sort((a, b) => a - b)
    let norm = 0
    for (const c of cols) {
      const v = (1 + Math.log(counts.get(c)!)) * model.idf[c]!
      norm += v * v
    }
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0
    for (const c of cols) {
      indices[nnz] = c
      data[nnz] = (1 + Math.log(counts.get(c)!)) * model.idf[c]! * scale
      nnz++
    }
    indptr[r + 1] = nnz
  }
  return {
    rows: docs.length,
    cols: model.columns.size,
    indptr,
    indices: indices.slice(0, nnz),
    data: data.slice(0, nnz)
  }
}

/**
 * Two matrices of the same rows side by side, each scaled by its weight, rows L2-normalised
 * again: words and character n-grams as one feature space.
 */
export function hstackRows(a: CsrMatrix, b: CsrMatrix, weightA = 1, weightB = 1): CsrMatrix {
  if (a.rows !== b.rows) throw new Error(`hstackRows: ${a.rows} rows beside ${b.rows}`)
  const nnz = a.indptr[a.rows]! + b.indptr[b.rows]!
  const indptr = new Int32Array(a.rows + 1)
  const indices = new Int32Array(nnz)
  const data = new Float32Array(nnz)
  let k = 0
  for (let r = 0; r < a.rows; r++) {
    const start = k
    let norm = 0
    for (let i = a.indptr[r]!; i < a.indptr[r + 1]!; i++) {
      indices[k] = a.indices[i]!
      data[k] = a.data[i]! * weightA
      norm += data[k]! * data[k]!
      k++
    }
    for (let i = b.indptr[r]!; i < b.indptr[r + 1]!; i++) {
      indices[k] = a.cols + b.indices[i]!
      data[k] = b.data[i]! * weightB
      norm += data[k]! * data[k]!
      k++
    }
    if (norm > 0) {
      const s = 1 / Math.sqrt(norm)
      for (let i = start; i < k; i++) data[i] = data[i]! * s
    }
    indptr[r + 1] = k
  }
  return { rows: a.rows, cols: a.cols + b.cols, indptr, indices, data }
}
