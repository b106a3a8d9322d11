/**
 * The matrix shapes the themes pipeline passes between its steps. Row-major, single precision:
 * a hundred thousand tickets × 200 dimensions is 80 MB in Float32 and twice that in Float64.
 */

/** A sparse matrix in compressed sparse row form (row r: indices/data[indptr[r] .. indptr[r+1])). */
export interface CsrMatrix {
  rows: number
  cols: number
  /** rows + 1 offsets into indices/data. */
  indptr: Int32Array
  /** Column of each stored value, ascending within a row. */
  indices: Int32Array
  data: Float32Array
}

/** A dense row-major matrix (element (r, c) at data[r * cols + c]). */
export interface DenseMatrix {
  rows: number
  cols: number
  data: Float32Array
}

/** A dense row-major matrix of rows × cols zeros. */
export function denseZeros(rows: number, cols: number): DenseMatrix {
  return { rows, cols, data: new Float32Array(rows * cols) }
}
