/**
 * Sparse × dense products for the themes pipeline. The dense operand is a row-major block of
 * `width` columns (width ≈ 200), so a stored value (r, c, v) adds v × row c of the block to
 * row r of the result: every product streams whole contiguous rows, and each result row is
 * accumulated in a Float64 scratch row before it is rounded once to Float32.
 */

import type { CsrMatrix } from './matrix'

/** The transpose in CSR form (a CSC copy of `a`), by a counting sort over columns: O(nnz + cols). */
export function transposeCsr(a: CsrMatrix): CsrMatrix {
  const { rows, cols, indptr, indices, data } = a
  const nnz = indptr[rows]!
  const tIndptr = new Int32Array(cols + 1)
  for (let p = 0; p < nnz; p++) tIndptr[indices[p]! + 1]!++
  for (let c = 0; c < cols; c++) tIndptr[c + 1]! += tIndptr[c]!
  const next = tIndptr.slice(0, cols)
  const tIndices = new Int32Array(nnz)
  const tData = new Float32Array(nnz)
  // Walking rows in order leaves each transposed row's indices ascending without a sort.
  for (let r = 0; r < rows; r++) {
    const end = indptr[r + 1]!
    for (let p = indptr[r]!; p < end; p++) {
      const slot = next[indices[p]!]!++
      tIndices[slot] = r
      tData[slot] = data[p]!
    }
  }
  return { rows: cols, cols: rows, indptr: tIndptr, indices: tIndices, data: tData }
}

/**
 * out = a · x, where x is a.cols × width row-major (Float32) — the CSR × dense kernel. Result
 * element (r, j) goes to out[r * rowStride + j * colStride], times scale[j] when scale is given,
 * so a caller can write the product transposed (rowStride 1, colStride a.rows) and rescaled in
 * the same pass instead of materialising a second large matrix.
 */
export function csrTimesDense(
  a: CsrMatrix,
  x: Float32Array,
  width: number,
  out: Float32Array,
  rowStride: number = width,
  colStride: number = 1,
  scale: Float64Array | null = null
): void {
  const { rows, indptr, indices, data } = a
  const acc = new Float64Array(width)
  for (let r = 0; r < rows; r++) {
    acc.fill(0)
    const end = indptr[r + 1]!
    let p = indptr[r]!
    // Eight stored values per pass over the accumulator: one load and store of acc[j] is shared
    // by eight multiply-adds, and the pairwise sum keeps the dependency chain short. This is
    // about twice as fast in V8 as the one-value loop, which is bound by the acc traffic.
    for (; p + 7 < end; p += 8) {
      const v0 = data[p]!
      const v1 = data[p + 1]!
      const v2 = data[p + 2]!
      const v3 = data[p + 3]!
      const v4 = data[p + 4]!
      const v5 = data[p + 5]!
      const v6 = data[p + 6]!
      const v7 = data[p + 7]!
      const b0 = indices[p]! * width
      const b1 = indices[p + 1]! * width
      const b2 = indices[p + 2]! * width
      const b3 = indices[p + 3]! * width
      const b4 = indices[p + 4]! * width
      const b5 = indices[p + 5]! * width
      const b6 = indices[p + 6]! * width
      const b7 = indices[p + 7]! * width
      for (let j = 0; j < width; j++) {
        acc[j]! +=
          v0 * x[b0 + j]! +
          v1 * x[b1 + j]! +
          (v2 * x[b2 + j]! + v3 * x[b3 + j]!) +
          (v4 * x[b4 + j]! + v5 * x[b5 + j]! + (v6 * x[b6 + j]! + v7 * x[b7 + j]!))
      }
    }
    for (; p + 1 < end; p += 2) {
      const v0 = data[p]!
      const v1 = data[p + 1]!
      const b0 = indices[p]! * width
      const b1 = indices[p + 1]! * width
      for (let j = 0; j < width; j++) acc[j]! += v0 * x[b0 + j]! + v1 * x[b1 + j]!
    }
    if (p < end) {
      const v0 = data[p]!
      const b0 = indices[p]! * width
      for (let j = 0; j < width; j++) acc[j]! += v0 * x[b0 + j]!
    }
    const o = r * rowStride
    if (scale === null) {
      for (let j = 0; j < width; j++) out[o + j * colStride] = acc[j]!
    } else {
      for (let j = 0; j < width; j++) out[o + j * colStride] = acc[j]! * scale[j]!
    }
  }
}

/** Matrices with the same columns one below the other. */
export function vstackCsr(parts: readonly CsrMatrix[], cols: number): CsrMatrix {
  const rows = parts.reduce((s, p) => s + p.rows, 0)
  const nnz = parts.reduce((s, p) => s + p.indptr[p.rows]!, 0)
  const indptr = new Int32Array(rows + 1)
  const indices = new Int32Array(nnz)
  const data = new Float32Array(nnz)
  let r = 0
  let k = 0
  for (const p of parts) {
    if (p.cols !== cols) throw new Error(`vstackCsr: ${p.cols} columns where ${cols} were expected`)
    const count = p.indptr[p.rows]!
    indices.set(p.indices.subarray(0, count), k)
    data.set(p.data.subarray(0, count), k)
    for (let i = 1; i <= p.rows; i++) indptr[r + i] = k + p.indptr[i]!
    r += p.rows
    k += count
  }
  return { rows, cols, indptr, indices, data }
}

/** The rows of a matrix in another order: row i of the result is row `from[i]` of x. */
export function takeRows(x: CsrMatrix, from: ArrayLike<number>): CsrMatrix {
  const indptr = new Int32Array(from.length + 1)
  for (let i = 0; i < from.length; i++) {
    const r = from[i]!
    indptr[i + 1] = indptr[i]! + x.indptr[r + 1]! - x.indptr[r]!
  }
  const indices = new Int32Array(indptr[from.length]!)
  const data = new Float32Array(indices.length)
  for (let i = 0; i < from.length; i++) {
    const r = from[i]!
    indices.set(x.indices.subarray(x.indptr[r]!, x.indptr[r + 1]!), indptr[i]!)
    data.set(x.data.subarray(x.indptr[r]!, x.indptr[r + 1]!), indptr[i]!)
  }
  return { rows: from.length, cols: x.cols, indptr, indices, data }
}
