/**
 * Eigen-decomposition of a small symmetric matrix by the cyclic Jacobi method, in Float64
 * (Golub & Van Loan, Matrix Computations, §8.5; rotation formulas as in Rutishauser 1966).
 * Used on the width × width matrix B·Bᵀ of the randomized SVD, where width ≈ 200: O(n³) per
 * sweep and a handful of sweeps, and Jacobi finds small eigenvalues of a positive
 * semi-definite matrix to high relative accuracy (Demmel & Veselić 1992).
 */

export interface SymmetricEigen {
  /** Eigenvalues, descending. */
  values: Float64Array
  /** n × n row-major; row i is the unit eigenvector of values[i]. */
  vectors: Float64Array
}

const MAX_SWEEPS = 60

/**
 * An off-diagonal entry this small against the geometric mean of its two diagonal entries is
 * treated as zero: rotating it away would not change either eigenvalue in Float64.
 */
const NEGLIGIBLE = 1e-16

/** Eigenvalues (descending) and eigenvectors of the symmetric n × n row-major matrix a, by cyclic Jacobi. */
export function symmetricEigen(a: Float64Array, n: number): SymmetricEigen {
  const m = Float64Array.from(a.subarray(0, n * n))
  // Row i of vt is eigenvector i: a rotation of columns p and q of V is then a rotation of two
  // contiguous rows of vt.
  const vt = new Float64Array(n * n)
  for (let i = 0; i < n; i++) vt[i * n + i] = 1
  for (let sweep = 0; sweep < MAX_SWEEPS; sweep++) {
    let rotated = false
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = m[p * n + q]!
        if (apq === 0) continue
        const app = m[p * n + p]!
        const aqq = m[q * n + q]!
        if (Math.abs(apq) <= NEGLIGIBLE * Math.sqrt(Math.abs(app * aqq))) {
          m[p * n + q] = 0
          m[q * n + p] = 0
          continue
        }
        rotated = true
        // t = tan θ of the rotation that zeroes a_pq, the smaller root for stability.
        const theta = (aqq - app) / (2 * apq)
        const t = (theta >= 0 ? 1 : -1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1))
        const c = 1 / Math.sqrt(t * t + 1)
        const s = t * c
        m[p * n + p] = app - t * apq
        m[q * n + q] = aqq + t * apq
        m[p * n + q] = 0
        m[q * n + p] = 0
        for (let r = 0; r < n; r++) {
          if (r === p || r === q) continue
          const arp = m[r * n + p]!
          const arq = m[r * n + q]!
          const np = c * arp - s * arq
          const nq = s * arp + c * arq
          m[r * n + p] = np
          m[p * n + r] = np
          m[r * n + q] = nq
          m[q * n + r] = nq
        }
        const bp = p * n
        const bq = q * n
        for (let r = 0; r < n; r++) {
          const vp = vt[bp + r]!
          const vq = vt[bq + r]!
          vt[bp + r] = c * vp - s * vq
          vt[bq + r] = s * vp + c * vq
        }
      }
    }
    if (!rotated) break
  }
  const order = Array.from({ length: n }, (_, i) => i)
  // Ties keep their index order so the result does not depend on the sort's stability.
  order.sort((x, y) => m[y * n + y]! - m[x * n + x]! || x - y)
  const values = new Float64Array(n)
  const vectors = new Float64Array(n * n)
  for (let i = 0; i < n; i++) {
    const from = order[i]!
    values[i] = m[from * n + from]!
    vectors.set(vt.subarray(from * n, from * n + n), i * n)
  }
  return { values, vectors }
}
