/**
 * Dense kernels for the themes pipeline: tall-skinny Float32 blocks (rows × width, width ≈ 200)
 * against small Float64 matrices (width × width). The inner loops are register-tiled (2 × 4
 * outputs per pass) because V8 neither vectorises nor keeps typed-array elements in registers:
 * a tile loads six values per eight multiply-adds, where the plain triple loop loads two per one.
 */

import type { DenseMatrix } from './matrix'

/**
 * Rows per block in symmetricCrossProduct: every 2 × 4 tile rereads the block, so it should stay
 * in the nearest cache (two 32 × 210 Float32 blocks are 54 KB).
 */
const CROSS_BLOCK_ROWS = 32

/** Scales every row of m to unit Euclidean length, in place; all-zero rows stay zero. */
export function normalizeRows(m: DenseMatrix): DenseMatrix {
  const { rows, cols, data } = m
  for (let r = 0; r < rows; r++) {
    const base = r * cols
    let sum = 0
    for (let c = 0; c < cols; c++) {
      const v = data[base + c]!
      sum += v * v
    }
    if (sum === 0) continue
    const inv = 1 / Math.sqrt(sum)
    for (let c = 0; c < cols; c++) data[base + c]! *= inv
  }
  return m
}

/**
 * out = xᵀ·y (width × width, Float64) for two row-major rows × width Float32 blocks, when the
 * caller knows the result is symmetric (xᵀx, or Qᵀ·A·Aᵀ·Q): only the upper triangle is
 * summed and then mirrored, which halves the work of a Gram matrix.
 */
export function symmetricCrossProduct(
  x: Float32Array,
  y: Float32Array,
  rows: number,
  width: number,
  out: Float64Array
): void {
  out.fill(0)
  for (let r0 = 0; r0 < rows; r0 += CROSS_BLOCK_ROWS) {
    const r1 = Math.min(rows, r0 + CROSS_BLOCK_ROWS)
    const first = r0 * width
    const last = r1 * width
    let i = 0
    for (; i + 1 < width; i += 2) {
      // Tiles start at the multiple of four at or below i, so a few sums below the diagonal
      // are computed too; mirroring below only reads the upper triangle.
      let j = i & ~3
      for (; j + 3 < width; j += 4) {
        let s00 = 0
        let s01 = 0
        let s02 = 0
        let s03 = 0
        let s10 = 0
        let s11 = 0
        let s12 = 0
        let s13 = 0
        for (let b = first; b < last; b += width) {
          const x0 = x[b + i]!
          const x1 = x[b + i + 1]!
          const y0 = y[b + j]!
          const y1 = y[b + j + 1]!
          const y2 = y[b + j + 2]!
          const y3 = y[b + j + 3]!
          s00 += x0 * y0
          s01 += x0 * y1
          s02 += x0 * y2
          s03 += x0 * y3
          s10 += x1 * y0
          s11 += x1 * y1
          s12 += x1 * y2
          s13 += x1 * y3
        }
        const o0 = i * width + j
        const o1 = o0 + width
        out[o0]! += s00
        out[o0 + 1]! += s01
        out[o0 + 2]! += s02
        out[o0 + 3]! += s03
        out[o1]! += s10
        out[o1 + 1]! += s11
        out[o1 + 2]! += s12
        out[o1 + 3]! += s13
      }
      for (; j < width; j++) {
        let s0 = 0
        let s1 = 0
        for (let b = first; b < last; b += width) {
          const yj = y[b + j]!
          s0 += x[b + i]! * yj
          s1 += x[b + i + 1]! * yj
        }
        out[i * width + j]! += s0
        out[(i + 1) * width + j]! += s1
      }
    }
    if (i < width) {
      // Odd width: the last row of the triangle holds only the diagonal.
      let s = 0
      for (let b = first; b < last; b += width) s += x[b + i]! * y[b + i]!
      out[i * width + i]! += s
    }
  }
  for (let i = 0; i < width; i++) {
    for (let j = i + 1; j < width; j++) out[j * width + i] = out[i * width + j]!
  }
}

/**
 * out(r, i) = scale[i] · Σ_j x(r, j) · mt(i, j): a rows × width Float32 block times the
 * transpose of a small outCols × width Float64 matrix (so both operands are read along
 * contiguous rows). Element (r, i) goes to out[r * rowStride + i * colStride], which lets a
 * caller write the product transposed. With lowerTriangular, mt(i, j) is taken as zero for
 * j > i and never read, which halves the work of applying a triangular factor.
 */
export function denseTimesTransposed(
  x: Float32Array,
  rows: number,
  width: number,
  mt: Float64Array,
  outCols: number,
  out: Float32Array,
  rowStride: number,
  colStride: number,
  scale: Float64Array | null = null,
  lowerTriangular: boolean = false
): void {
  let r = 0
  for (; r + 1 < rows; r += 2) {
    const b0 = r * width
    const b1 = b0 + width
    const o0 = r * rowStride
    const o1 = o0 + rowStride
    let i = 0
    for (; i + 3 < outCols; i += 4) {
      const m0 = i * width
      const m1 = m0 + width
      const m2 = m1 + width
      const m3 = m2 + width
      const end = lowerTriangular ? Math.min(width, i + 4) : width
      let s00 = 0
      let s01 = 0
      let s02 = 0
      let s03 = 0
      let s10 = 0
      let s11 = 0
      let s12 = 0
      let s13 = 0
      for (let j = 0; j < end; j++) {
        const x0 = x[b0 + j]!
        const x1 = x[b1 + j]!
        const c0 = mt[m0 + j]!
        const c1 = mt[m1 + j]!
        const c2 = mt[m2 + j]!
        const c3 = mt[m3 + j]!
        s00 += x0 * c0
        s01 += x0 * c1
        s02 += x0 * c2
        s03 += x0 * c3
        s10 += x1 * c0
        s11 += x1 * c1
        s12 += x1 * c2
        s13 += x1 * c3
      }
      if (scale !== null) {
        const f0 = scale[i]!
        const f1 = scale[i + 1]!
        const f2 = scale[i + 2]!
        const f3 = scale[i + 3]!
        s00 *= f0
        s10 *= f0
        s01 *= f1
        s11 *= f1
        s02 *= f2
        s12 *= f2
        s03 *= f3
        s13 *= f3
      }
      const c = i * colStride
      out[o0 + c] = s00
      out[o1 + c] = s10
      out[o0 + c + colStride] = s01
      out[o1 + c + colStride] = s11
      out[o0 + c + 2 * colStride] = s02
      out[o1 + c + 2 * colStride] = s12
      out[o0 + c + 3 * colStride] = s03
      out[o1 + c + 3 * colStride] = s13
    }
    for (; i < outCols; i++) {
      const m0 = i * width
      const end = lowerTriangular ? Math.min(width, i + 1) : width
      let s0 = 0
      let s1 = 0
      for (let j = 0; j < end; j++) {
        const c0 = mt[m0 + j]!
        s0 += x[b0 + j]! * c0
        s1 += x[b1 + j]! * c0
      }
      const f = scale === null ? 1 : scale[i]!
      out[o0 + i * colStride] = s0 * f
      out[o1 + i * colStride] = s1 * f
    }
  }
  if (r < rows) {
    const b0 = r * width
    const o0 = r * rowStride
    for (let i = 0; i < outCols; i++) {
      const m0 = i * width
      const end = lowerTriangular ? Math.min(width, i + 1) : width
      let s0 = 0
      for (let j = 0; j < end; j++) s0 += x[b0 + j]! * mt[m0 + j]!
      out[o0 + i * colStride] = s0 * (scale === null ? 1 : scale[i]!)
    }
  }
}

/**
 * A Cholesky pivot at or below this fraction of its column's squared length marks the column
 * as dependent on the ones before it: at Float32 storage that residual is rounding noise.
 */
const DEPENDENT_COLUMN = 1e-12

/**
 * One Cholesky QR pass loses orthogonality as ε·κ² (Float64 ε): at κ = 10⁴ that is 10⁻⁸,
 * below Float32 rounding. Above it a second pass is made (CholeskyQR2), which restores
 * orthogonality for any κ up to about ε^(-1/2). A sample S·Sᵀ·Q of TF-IDF data has κ of
 * about (σ₁/σ_width)², typically 10³, so one pass is the rule.
 */
const SECOND_PASS_CONDITION = 1e4

const MAX_QR_PASSES = 3

/**
 * Orthonormalises the columns of the rows × width Float32 block y by Cholesky QR, repeated
 * while the factor is ill-conditioned (CholeskyQR2: Fukaya, Nakatsukasa, Yanagisawa &
 * Yamamoto 2014). Columns that depend on earlier ones come out as zero columns. The result
 * is in y or scratch, whichever is returned; the other is overwritten.
 */
export function orthonormalizeColumns(
  y: Float32Array,
  rows: number,
  width: number,
  scratch: Float32Array
): Float32Array {
  const gram = new Float64Array(width * width)
  const factor = new Float64Array(width * width)
  const inverseT = new Float64Array(width * width)
  let from = y
  let to = scratch
  for (let pass = 0; pass < MAX_QR_PASSES; pass++) {
    symmetricCrossProduct(from, from, rows, width, gram)
    choleskyWithDrops(gram, width, factor)
    const condition = invertUpperTransposed(factor, width, inverseT)
    denseTimesTransposed(from, rows, width, inverseT, width, to, width, 1, null, true)
    const done = to
    to = from
    from = done
    if (condition <= SECOND_PASS_CONDITION) break
  }
  return from
}

/**
 * Upper-triangular r with rᵀr = g (Float64). A column whose pivot falls to DEPENDENT_COLUMN of
 * its diagonal or below gets a zero row in r, so it is dropped instead of dividing by noise.
 */
function choleskyWithDrops(g: Float64Array, n: number, r: Float64Array): void {
  r.fill(0)
  for (let j = 0; j < n; j++) {
    const gjj = g[j * n + j]!
    let d = gjj
    for (let i = 0; i < j; i++) {
      const rij = r[i * n + j]!
      d -= rij * rij
    }
    if (!(d > gjj * DEPENDENT_COLUMN) || gjj <= 0) continue
    const rjj = Math.sqrt(d)
    r[j * n + j] = rjj
    for (let k = j + 1; k < n; k++) {
      let s = g[j * n + k]!
      for (let i = 0; i < j; i++) s -= r[i * n + j]! * r[i * n + k]!
      r[j * n + k] = s / rjj
    }
  }
}

/**
 * Writes the transpose of r⁻¹ (lower triangular) for an upper-triangular r whose zero pivots
 * mark dropped columns (their rows and columns of the inverse are zero). Returns an estimate
 * of the condition number ‖r‖₂·‖r⁻¹‖₂ of the kept part.
 */
function invertUpperTransposed(r: Float64Array, n: number, inverseT: Float64Array): number {
  inverseT.fill(0)
  for (let c = 0; c < n; c++) {
    const rcc = r[c * n + c]!
    if (rcc === 0) continue
    // Column c of r⁻¹ by back substitution; it lands in row c of the transpose.
    const row = c * n
    inverseT[row + c] = 1 / rcc
    for (let i = c - 1; i >= 0; i--) {
      const rii = r[i * n + i]!
      if (rii === 0) continue
      let s = 0
      for (let p = i + 1; p <= c; p++) s += r[i * n + p]! * inverseT[row + p]!
      inverseT[row + i] = -s / rii
    }
  }
  return spectralNorm(r, n) * spectralNorm(inverseT, n)
}

const NORM_ITERATIONS = 30

/**
 * ‖t‖₂ of a small n × n matrix by power iteration on tᵀt from a fixed start. It can only
 * underestimate, and after NORM_ITERATIONS rarely by more than a few percent: enough to
 * decide whether a second QR pass is needed, with the threshold set well below trouble.
 */
function spectralNorm(t: Float64Array, n: number): number {
  const v = new Float64Array(n).fill(1 / Math.sqrt(n))
  const w = new Float64Array(n)
  let norm = 0
  for (let it = 0; it < NORM_ITERATIONS; it++) {
    for (let i = 0; i < n; i++) {
      let s = 0
      for (let j = 0; j < n; j++) s += t[i * n + j]! * v[j]!
      w[i] = s
    }
    v.fill(0)
    for (let i = 0; i < n; i++) {
      const wi = w[i]!
      if (wi === 0) continue
      for (let j = 0; j < n; j++) v[j]! += t[i * n + j]! * wi
    }
    let sum = 0
    for (let j = 0; j < n; j++) sum += v[j]! * v[j]!
    if (sum === 0) return 0
    // ‖tᵀt v‖ for a unit v tends to ‖t‖₂².
    norm = Math.sqrt(Math.sqrt(sum))
    const inv = 1 / Math.sqrt(sum)
    for (let j = 0; j < n; j++) v[j]! *= inv
  }
  return norm
}
