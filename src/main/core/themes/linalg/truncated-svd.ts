/**
 * Truncated SVD of a sparse matrix (latent semantic analysis of TF-IDF rows) by randomized
 * subspace iteration: Halko, Martinsson & Tropp, "Finding structure with randomness", SIAM
 * Review 2011, Algorithms 4.4 (randomized subspace iteration) and 5.1 (direct SVD of
 * B = Qᵀ·A), with the output conventions of scikit-learn's TruncatedSVD(algorithm='randomized').
 *
 * Differences from the textbook algorithm, all for speed in single-threaded JavaScript where a
 * multiply-add over typed arrays costs about a nanosecond:
 * - The iteration runs on the shorter side of A (call it S, m × n with m ≤ n, and L = Sᵀ).
 *   The test block Ω is m × width Gaussian and the first sample is Y = S·(L·Ω): L·Ω plays the
 *   Gaussian n × width test matrix of Algorithm 4.4 (it lies in the row space of S and gives
 *   one more power of the spectrum for free), at m rather than n random draws.
 * - Re-orthonormalisation (Cholesky QR, repeated when ill-conditioned) is done after every
 *   product with S·Sᵀ but not between L and S: on the long side, with n / m ≈ 3 and ~70
 *   stored values per column, a QR would cost more than the sparse products it guards. The
 *   price is that the sample loses accuracy in directions below √ε·σ₁ (ε = 2⁻²⁴) between
 *   two orthonormalisations, far below what the k ≈ 200 leading directions of TF-IDF need.
 * - The SVD of the small matrix B = Qᵀ·S comes from the Jacobi eigen-decomposition of
 *   B·Bᵀ = (L·Q)ᵀ(L·Q) (width × width, Float64) rather than a dense SVD of B.
 *
 * Big blocks are Float32; every sum is accumulated in Float64 before being rounded once.
 */

import { csrTimesDense, transposeCsr } from './csr'
import { denseTimesTransposed, orthonormalizeColumns, symmetricCrossProduct } from './dense'
import type { CsrMatrix, DenseMatrix } from './matrix'
import { symmetricEigen } from './symmetric-eigen'
import { seededRandom } from '../random'
import type { Random } from '../random'

export interface TruncatedSvdOptions {
  /** Extra sampled directions beyond k (scikit-learn's n_oversamples, default 10). */
  oversample?: number
  /**
   * Extra passes of S·Sᵀ over the sample (default 1). 0 already gives the sample (S·Sᵀ)·Ω,
   * between scikit-learn's n_iter = 0 and 1; each pass adds two sparse products and a QR.
   */
  powerIterations?: number
  /** Seed of the Gaussian test matrix (default 1): equal seeds give bit-identical results. */
  seed?: number
}

export interface TruncatedSvd {
  /** rows × k: U·Σ, the document vectors (scikit-learn's fit_transform). */
  embedding: DenseMatrix
  /** k singular values, descending. */
  singularValues: Float64Array
  /** k × cols: Vᵀ, orthonormal rows. */
  components: DenseMatrix
}

const DEFAULT_OVERSAMPLE = 10
/**
 * One extra pass, so the sample is (S·Sᵀ)²·Ω: a polynomial of degree 4 in the singular values,
 * between scikit-learn's n_iter = 1 (degree 3) and 2 (degree 5). scikit-learn's default of 5
 * would cost eight more sparse products and four more QRs, about twice the run time. On a flat TF-IDF-like
 * spectrum (5,000 × 30,000, k = 100) the captured energy ‖A·V‖² against the exact top-k sum
 * is 0.968 with 0 passes, 0.991 with 1 and 0.996 with 2.
 */
const DEFAULT_POWER_ITERATIONS = 1
const DEFAULT_SEED = 1

/**
 * Components are Σ⁻¹·(l·U) with l·U carrying Float32 rounding of about 6·10⁻⁸·σ₁, so a
 * direction with σ at or below this fraction of σ₁ would come out visibly non-orthogonal
 * (6·10⁻⁵ here); its component is re-orthogonalised against the others instead. Exactly
 * rank-deficient input is the usual case; TF-IDF spectra stay well above it.
 */
const RELIABLE_SINGULAR_VALUE = 1e-3

/**
 * Relative cost of a multiply-add in the sparse kernel (random rows of the dense operand)
 * against one in the tiled dense kernels, as measured in V8: used to pick the cheaper of two
 * equivalent ways to form a product.
 */
const SPARSE_COST = 2.2

/**
 * The leading k singular triplets of a (randomized SVD, Halko, Martinsson & Tropp 2011,
 * Alg. 4.4 + 5.1): embedding = U·Σ, components = Vᵀ, singular values descending; k is clamped
 * to min(rows, cols). Deterministic for a seed; each component's largest-magnitude entry is
 * positive (scikit-learn's svd_flip on Vᵀ).
 */
export function truncatedSvd(a: CsrMatrix, k: number, options: TruncatedSvdOptions = {}): TruncatedSvd {
  const rank = Number.isNaN(k) ? 0 : Math.max(0, Math.floor(Math.min(k, a.rows, a.cols)))
  const oversample = nonNegativeInteger(options.oversample, DEFAULT_OVERSAMPLE)
  const powerIterations = nonNegativeInteger(options.powerIterations, DEFAULT_POWER_ITERATIONS)
  const random = seededRandom(options.seed ?? DEFAULT_SEED)
  if (rank === 0) {
    return {
      embedding: { rows: a.rows, cols: 0, data: new Float32Array(0) },
      singularValues: new Float64Array(0),
      components: { rows: 0, cols: a.cols, data: new Float32Array(0) }
    }
  }

  // s (m × n, m ≤ n) is the side the sample lives on; l = sᵀ.
  const swapped = a.rows > a.cols
  const at = transposeCsr(a)
  const s = swapped ? at : a
  const l = swapped ? a : at
  const m = s.rows
  const n = s.cols
  const nnz = s.indptr[m]!
  const width = Math.min(m, rank + oversample)

  // Products with s·sᵀ scale as a², which can leave the Float32 range for extreme inputs; they
  // are taken times 2^-2e, with 2^e the nearest power of two to max |a| (exact; 1 for TF-IDF).
  const squareScale = new Float64Array(width).fill(2 ** (-2 * Math.round(Math.log2(maxAbs(a.data) || 1))))
  let w: Float32Array | null = new Float32Array(n * width)
  const q = sampleRange(s, l, width, powerIterations, random, w, squareScale)
  // B = Qᵀ·s, stored as its transpose W = l·Q (n × width).
  csrTimesDense(l, q, width, w)
  const eigen = symmetricEigen(bTimesBTransposed(s, q, w, width, nnz, squareScale), width)

  const singularValues = new Float64Array(rank)
  for (let i = 0; i < rank; i++) singularValues[i] = Math.sqrt(Math.max(0, eigen.values[i]!))
  const reliable = new Uint8Array(rank)
  for (let i = 0; i < rank; i++) {
    reliable[i] = singularValues[i]! > singularValues[0]! * RELIABLE_SINGULAR_VALUE ? 1 : 0
  }
  const inverse = new Float64Array(rank)
  for (let i = 0; i < rank; i++) inverse[i] = reliable[i] ? 1 / singularValues[i]! : 0

  // U_s = Q·Ûᵀ (m × rank), the left singular vectors of s; row i of Û is eigenvector i of B·Bᵀ.
  const coefficients = eigen.vectors.subarray(0, rank * width)
  const shortFactor = new Float32Array(m * rank)
  denseTimesTransposed(q, m, width, coefficients, rank, shortFactor, rank, 1)
  // The long-side factor l·U_s = W·Ûᵀ = V_s·Σ comes from the sparse matrix or from W, whichever
  // is cheaper; W is released first when it is not needed, as it is the largest block.
  if (SPARSE_COST * nnz <= n * width) w = null
  const long = { l, shortFactor, rank, w, width, coefficients }

  let embedding: DenseMatrix
  let components: DenseMatrix
  if (!swapped) {
    // a = s = U_s Σ V_sᵀ: embedding U_s·Σ, components V_sᵀ = (l·U_s·Σ⁻¹)ᵀ, written transposed.
    components = { rows: rank, cols: n, data: new Float32Array(rank * n) }
    longSideFactor(long, components.data, 1, n, inverse)
    for (let r = 0; r < m; r++) {
      for (let i = 0; i < rank; i++) shortFactor[r * rank + i]! *= singularValues[i]!
    }
    embedding = { rows: m, cols: rank, data: shortFactor }
  } else {
    // a = l = V_s Σ U_sᵀ: embedding V_s·Σ = l·U_s, components U_sᵀ.
    embedding = { rows: n, cols: rank, data: new Float32Array(n * rank) }
    longSideFactor(long, embedding.data, rank, 1, null)
    components = { rows: rank, cols: m, data: new Float32Array(rank * m) }
    for (let r = 0; r < m; r++) {
      for (let i = 0; i < rank; i++) components.data[i * m + r] = shortFactor[r * rank + i]!
    }
  }

  completeComponents(components, reliable, random)
  flipSigns(embedding, components)
  return { embedding, singularValues, components }
}

function maxAbs(values: Float32Array): number {
  let max = 0
  for (let i = 0; i < values.length; i++) max = Math.max(max, Math.abs(values[i]!))
  return max
}

function nonNegativeInteger(value: number | undefined, fallback: number): number {
  return value === undefined || Number.isNaN(value) ? fallback : Math.max(0, Math.floor(value))
}

/**
 * An orthonormal basis Q (m × width) for the range of (s·sᵀ)^(passes + 1)·Ω with Ω Gaussian,
 * re-orthonormalised after every product with s·sᵀ (Halko et al., Alg. 4.4), each taken times
 * squareScale (only the span matters). w (n × width) is scratch.
 */
function sampleRange(
  s: CsrMatrix,
  l: CsrMatrix,
  width: number,
  passes: number,
  random: Random,
  w: Float32Array,
  squareScale: Float64Array
): Float32Array {
  const m = s.rows
  let q: Float32Array = new Float32Array(m * width)
  let y: Float32Array = new Float32Array(m * width)
  for (let i = 0; i < m * width; i++) q[i] = random.normal()
  for (let pass = 0; pass <= passes; pass++) {
    csrTimesDense(l, q, width, w)
    csrTimesDense(s, w, width, y, width, 1, squareScale)
    const basis = orthonormalizeColumns(y, m, width, q)
    if (basis !== q) {
      y = q
      q = basis
    }
  }
  return q
}

/**
 * B·Bᵀ = WᵀW (width × width, Float64) for W = l·Q. When n is much larger than m it is cheaper
 * to form it as Qᵀ·(s·W), the same matrix at the price of one more sparse product.
 */
function bTimesBTransposed(
  s: CsrMatrix,
  q: Float32Array,
  w: Float32Array,
  width: number,
  nnz: number,
  squareScale: Float64Array
): Float64Array {
  const { rows: m, cols: n } = s
  const bbt = new Float64Array(width * width)
  if ((n * width) / 2 <= SPARSE_COST * nnz + (m * width) / 2) {
    symmetricCrossProduct(w, w, n, width, bbt)
  } else {
    const y = new Float32Array(m * width)
    csrTimesDense(s, w, width, y, width, 1, squareScale)
    symmetricCrossProduct(q, y, m, width, bbt)
    const unscale = 1 / squareScale[0]!
    for (let i = 0; i < bbt.length; i++) bbt[i]! *= unscale
  }
  return bbt
}

interface LongSide {
  l: CsrMatrix
  shortFactor: Float32Array
  rank: number
  /** W = l·Q, or null to use the sparse product instead. */
  w: Float32Array | null
  width: number
  coefficients: Float64Array
}

/**
 * l·U_s (n × rank), as l·shortFactor (sparse) or as W·Ûᵀ (dense), into out with the given
 * strides and column scaling.
 */
function longSideFactor(
  side: LongSide,
  out: Float32Array,
  rowStride: number,
  colStride: number,
  scale: Float64Array | null
): void {
  const { l, shortFactor, rank, w, width, coefficients } = side
  if (w === null) csrTimesDense(l, shortFactor, rank, out, rowStride, colStride, scale)
  else denseTimesTransposed(w, l.rows, width, coefficients, rank, out, rowStride, colStride, scale)
}

/**
 * Replaces the components of unreliable (near-zero) singular values by unit vectors orthogonal
 * to all the others, so components stay orthonormal for rank-deficient input: the computed row
 * where it still carries a direction, a Gaussian one where it does not (modified Gram–Schmidt,
 * twice).
 */
function completeComponents(components: DenseMatrix, reliable: Uint8Array, random: Random): void {
  const { rows, cols, data } = components
  const done = Uint8Array.from(reliable)
  for (let i = 0; i < rows; i++) {
    if (done[i]) continue
    const row = data.subarray(i * cols, (i + 1) * cols)
    let norm = rowNorm(row)
    for (let attempt = 0; attempt < 8; attempt++) {
      if (norm === 0) {
        for (let c = 0; c < cols; c++) row[c] = random.normal()
        norm = rowNorm(row)
      }
      for (let twice = 0; twice < 2; twice++) {
        for (let j = 0; j < rows; j++) {
          if (!done[j]) continue
          const other = data.subarray(j * cols, (j + 1) * cols)
          let dot = 0
          for (let c = 0; c < cols; c++) dot += row[c]! * other[c]!
          for (let c = 0; c < cols; c++) row[c]! -= dot * other[c]!
        }
      }
      const left = rowNorm(row)
      // Mostly cancelled: what is left is rounding, not a direction; start again from noise.
      if (left > norm * 1e-3) {
        for (let c = 0; c < cols; c++) row[c]! /= left
        break
      }
      norm = 0
    }
    done[i] = 1
  }
}

function rowNorm(row: Float32Array): number {
  let sum = 0
  for (let c = 0; c < row.length; c++) sum += row[c]! * row[c]!
  return Math.sqrt(sum)
}

/** scikit-learn's svd_flip on Vᵀ: each component's largest-|value| entry (first on ties) made positive. */
function flipSigns(embedding: DenseMatrix, components: DenseMatrix): void {
  const { rows: rank, cols } = components
  for (let i = 0; i < rank; i++) {
    const base = i * cols
    let best = 0
    let at = 0
    for (let c = 0; c < cols; c++) {
      const v = Math.abs(components.data[base + c]!)
      if (v > best) {
        best = v
        at = c
      }
    }
    if (components.data[base + at]! >= 0) continue
    // 0 - v rather than -v, so that zeros stay +0.
    for (let c = 0; c < cols; c++) components.data[base + c] = 0 - components.data[base + c]!
    for (let r = 0; r < embedding.rows; r++) {
      embedding.data[r * rank + i] = 0 - embedding.data[r * rank + i]!
    }
  }
}
