import { describe, expect, it } from 'vitest'
import { normalizeRows } from '../../../src/main/core/themes/linalg/dense'
import type { CsrMatrix, DenseMatrix } from '../../../src/main/core/themes/linalg/matrix'
import { truncatedSvd } from '../../../src/main/core/themes/linalg/truncated-svd'
import { seededRandom } from '../../../src/main/core/themes/random'

// --- Reference helpers, independent of the kernels under test (plain Float64 loops). ---

/** A CSR matrix from a dense row-major Float64 array, keeping the non-zeros. */
function toCsr(dense: Float64Array, rows: number, cols: number): CsrMatrix {
  const indptr = new Int32Array(rows + 1)
  const indices: number[] = []
  const data: number[] = []
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const v = dense[r * cols + c]!
      if (v !== 0) {
        indices.push(c)
        data.push(v)
      }
    }
    indptr[r + 1] = indices.length
  }
  return { rows, cols, indptr, indices: Int32Array.from(indices), data: Float32Array.from(data) }
}

/** The matrix as stored (Float32 values), densified in Float64. */
function toDense(a: CsrMatrix): Float64Array {
  const out = new Float64Array(a.rows * a.cols)
  for (let r = 0; r < a.rows; r++) {
    for (let p = a.indptr[r]!; p < a.indptr[r + 1]!; p++) out[r * a.cols + a.indices[p]!] = a.data[p]!
  }
  return out
}

/** Random sparse entries: each kept with probability density, uniform in (-1, 1). */
function sparseNoise(rows: number, cols: number, density: number, scale: number, seed: number): Float64Array {
  const random = seededRandom(seed)
  const out = new Float64Array(rows * cols)
  for (let i = 0; i < out.length; i++) {
    if (random.next() < density) out[i] = scale * (2 * random.next() - 1)
  }
  return out
}

/**
 * Topic-like sparse data with a wide spectral gap: every row mixes its own topic (weights 1,
 * 1.6, 2.2, …) and, sometimes, a little of the next; each topic uses its own columns, each
 * present with probability `density`. That signal has rank `topics` with distinct singular
 * values; weak sparse noise on top leaves every other singular value far below the smallest.
 */
function plantedTopics(
  rows: number,
  cols: number,
  topics: number,
  seed: number,
  density = 0.5,
  noise = 0.1
): CsrMatrix {
  const random = seededRandom(seed)
  const loadings = new Float64Array(topics * cols)
  for (let c = 0; c < cols; c++) {
    if (random.next() < density) loadings[(c % topics) * cols + c] = 1 + random.next()
  }
  const dense = sparseNoise(rows, cols, noise, 0.01, seed + 1)
  for (let r = 0; r < rows; r++) {
    const t = r % topics
    const mix = random.next() < 0.3 ? 0.3 : 0
    for (let c = 0; c < cols; c++) {
      const v = (1 + 0.6 * t) * loadings[t * cols + c]! + mix * loadings[((t + 1) % topics) * cols + c]!
      if (v !== 0) dense[r * cols + c] = v
    }
  }
  return toCsr(dense, rows, cols)
}

/** Σ_i weight_i · x_i y_iᵀ for sparse random x_i, y_i: rank exactly `rank` (almost surely). */
function lowRank(rows: number, cols: number, weights: number[], seed: number): CsrMatrix {
  const dense = new Float64Array(rows * cols)
  weights.forEach((weight, i) => {
    const x = sparseNoise(rows, 1, 0.5, 1, seed + 2 * i)
    const y = sparseNoise(1, cols, 0.5, 1, seed + 2 * i + 1)
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) dense[r * cols + c]! += weight * x[r]! * y[c]!
    }
  })
  return toCsr(dense, rows, cols)
}

/** Eigenvalues (descending) of a symmetric n × n matrix by textbook cyclic Jacobi. */
function referenceEigenvalues(matrix: Float64Array, n: number): number[] {
  const m = Float64Array.from(matrix)
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += m[p * n + q]! ** 2
    if (off < 1e-30) break
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = m[p * n + q]!
        if (Math.abs(apq) < 1e-300) continue
        const phi = 0.5 * Math.atan2(2 * apq, m[q * n + q]! - m[p * n + p]!)
        const c = Math.cos(phi)
        const s = Math.sin(phi)
        for (let k = 0; k < n; k++) {
          const mkp = m[k * n + p]!
          const mkq = m[k * n + q]!
          m[k * n + p] = c * mkp - s * mkq
          m[k * n + q] = s * mkp + c * mkq
        }
        for (let k = 0; k < n; k++) {
          const mpk = m[p * n + k]!
          const mqk = m[q * n + k]!
          m[p * n + k] = c * mpk - s * mqk
          m[q * n + k] = s * mpk + c * mqk
        }
      }
    }
  }
  return Array.from({ length: n }, (_, i) => m[i * n + i]!).sort((x, y) => y - x)
}

/** All min(rows, cols) singular values of a, descending: square roots of the eigenvalues of aᵀa or aaᵀ. */
function referenceSingularValues(a: CsrMatrix): number[] {
  const dense = toDense(a)
  const small = Math.min(a.rows, a.cols)
  const byRows = a.rows <= a.cols
  const gram = new Float64Array(small * small)
  for (let i = 0; i < small; i++) {
    for (let j = 0; j < small; j++) {
      let s = 0
      if (byRows) for (let c = 0; c < a.cols; c++) s += dense[i * a.cols + c]! * dense[j * a.cols + c]!
      else for (let r = 0; r < a.rows; r++) s += dense[r * a.cols + i]! * dense[r * a.cols + j]!
      gram[i * small + j] = s
    }
  }
  return referenceEigenvalues(gram, small).map((v) => Math.sqrt(Math.max(0, v)))
}

/** xᵀ-style products of the rows (or columns) of a dense Float32 matrix, in Float64. */
function rowGram(m: DenseMatrix): Float64Array {
  const out = new Float64Array(m.rows * m.rows)
  for (let i = 0; i < m.rows; i++) {
    for (let j = 0; j < m.rows; j++) {
      let s = 0
      for (let c = 0; c < m.cols; c++) s += m.data[i * m.cols + c]! * m.data[j * m.cols + c]!
      out[i * m.rows + j] = s
    }
  }
  return out
}

function columnGram(m: DenseMatrix): Float64Array {
  const out = new Float64Array(m.cols * m.cols)
  for (let i = 0; i < m.cols; i++) {
    for (let j = 0; j < m.cols; j++) {
      let s = 0
      for (let r = 0; r < m.rows; r++) s += m.data[r * m.cols + i]! * m.data[r * m.cols + j]!
      out[i * m.cols + j] = s
    }
  }
  return out
}

/** max |g - I| for a square n × n Gram matrix. */
function distanceFromIdentity(g: Float64Array, n: number): number {
  let worst = 0
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) worst = Math.max(worst, Math.abs(g[i * n + j]! - (i === j ? 1 : 0)))
  }
  return worst
}

/** a · componentsᵀ in Float64: the projection scikit-learn's transform would give. */
function project(a: CsrMatrix, components: DenseMatrix): Float64Array {
  const k = components.rows
  const out = new Float64Array(a.rows * k)
  for (let r = 0; r < a.rows; r++) {
    for (let p = a.indptr[r]!; p < a.indptr[r + 1]!; p++) {
      const c = a.indices[p]!
      const v = a.data[p]!
      for (let i = 0; i < k; i++) out[r * k + i]! += v * components.data[i * components.cols + c]!
    }
  }
  return out
}

function maxRelativeError(actual: ArrayLike<number>, expected: ArrayLike<number>): number {
  let worst = 0
  for (let i = 0; i < expected.length; i++) {
    worst = Math.max(worst, Math.abs(actual[i]! - expected[i]!) / Math.abs(expected[i]!))
  }
  return worst
}

function allFinite(values: ArrayLike<number>): boolean {
  for (let i = 0; i < values.length; i++) if (!Number.isFinite(values[i]!)) return false
  return true
}

/** The checks every well-conditioned result must pass, against the exact singular values. */
function expectConsistent(a: CsrMatrix, k: number, result: ReturnType<typeof truncatedSvd>): void {
  const { embedding, singularValues, components } = result
  expect(embedding.rows).toBe(a.rows)
  expect(embedding.cols).toBe(k)
  expect(components.rows).toBe(k)
  expect(components.cols).toBe(a.cols)
  expect(singularValues.length).toBe(k)
  const exact = referenceSingularValues(a).slice(0, k)
  expect(maxRelativeError(singularValues, exact)).toBeLessThan(1e-4)
  for (let i = 1; i < k; i++) expect(singularValues[i]!).toBeLessThanOrEqual(singularValues[i - 1]!)

  // Components: orthonormal rows.
  expect(distanceFromIdentity(rowGram(components), k)).toBeLessThan(1e-5)

  // Embedding: orthogonal columns of length σ_i, i.e. U·Σ with orthonormal U.
  const sigma1 = singularValues[0]!
  const gram = columnGram(embedding)
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const expected = i === j ? singularValues[i]! ** 2 : 0
      expect(Math.abs(gram[i * k + j]! - expected)).toBeLessThan(1e-5 * sigma1 * sigma1)
    }
  }

  // Embedding equals a · V (the fit is converged on a gapped spectrum).
  const projected = project(a, components)
  for (let i = 0; i < projected.length; i++) {
    expect(Math.abs(projected[i]! - embedding.data[i]!)).toBeLessThan(1e-4 * sigma1)
  }

  // svd_flip convention: the largest-|value| entry of each component is positive.
  for (let i = 0; i < k; i++) {
    let best = 0
    for (let c = 0; c < components.cols; c++) {
      const v = components.data[i * components.cols + c]!
      if (Math.abs(v) > Math.abs(best)) best = v
    }
    expect(best).toBeGreaterThan(0)
  }
}

describe('truncatedSvd', () => {
  it('matches the exact leading singular values on a wide sparse matrix with a spectral gap', () => {
    const a = plantedTopics(60, 150, 6, 11)
    const result = truncatedSvd(a, 6, { seed: 3 })
    expectConsistent(a, 6, result)
  })

  it('matches on a tall matrix (the sample then lives on the column side)', () => {
    const a = plantedTopics(170, 45, 5, 12)
    expectConsistent(a, 5, truncatedSvd(a, 5, { seed: 4 }))
  })

  it('matches on very sparse matrices, wide and tall', () => {
    // About one stored value per column: the sparse kernels, not the dense ones, do the work.
    const wide = plantedTopics(40, 900, 4, 13, 0.05, 0.002)
    expect(wide.indptr[wide.rows]! / wide.cols).toBeLessThan(1.5)
    expectConsistent(wide, 4, truncatedSvd(wide, 4, { seed: 5, oversample: 6 }))
    const tall = plantedTopics(900, 40, 4, 17, 0.5, 0.002)
    expect(tall.indptr[tall.rows]! / tall.rows).toBeLessThan(15)
    expectConsistent(tall, 4, truncatedSvd(tall, 4, { seed: 5 }))
  })

  it('converges with any number of power iterations when the gap is wide', () => {
    const a = plantedTopics(80, 120, 4, 14)
    for (const powerIterations of [0, 1, 3]) {
      expectConsistent(a, 4, truncatedSvd(a, 4, { seed: 6, powerIterations }))
    }
  })

  it('is exact (to rounding) whenever k plus the oversampling covers the short side', () => {
    // A flat random spectrum: only a full sample can get it right.
    const a = toCsr(sparseNoise(12, 70, 0.3, 1, 21), 12, 70)
    expectConsistent(a, 5, truncatedSvd(a, 5, { seed: 7 }))
    const tall = toCsr(sparseNoise(70, 12, 0.3, 1, 22), 70, 12)
    expectConsistent(tall, 12, truncatedSvd(tall, 12, { seed: 8 }))
  })

  it('clamps k to min(rows, cols) and returns nothing for k ≤ 0', () => {
    const a = toCsr(sparseNoise(8, 30, 0.5, 1, 23), 8, 30)
    const result = truncatedSvd(a, 50)
    expect(result.singularValues.length).toBe(8)
    expectConsistent(a, 8, result)
    const tall = toCsr(sparseNoise(30, 7, 0.5, 1, 24), 30, 7)
    expect(truncatedSvd(tall, 200).components.rows).toBe(7)

    for (const k of [0, -3]) {
      const empty = truncatedSvd(a, k)
      expect(empty.singularValues.length).toBe(0)
      expect(empty.embedding).toMatchObject({ rows: 8, cols: 0 })
      expect(empty.components).toMatchObject({ rows: 0, cols: 30 })
    }
  })

  it('handles all-zero rows and columns without NaN', () => {
    const dense = toDense(plantedTopics(50, 80, 4, 15))
    const zeroRows = [0, 7, 8, 49]
    for (const r of zeroRows) dense.fill(0, r * 80, (r + 1) * 80)
    for (let r = 0; r < 50; r++) dense[r * 80 + 3] = 0
    const a = toCsr(dense, 50, 80)
    const result = truncatedSvd(a, 4, { seed: 9 })
    expect(allFinite(result.embedding.data)).toBe(true)
    expect(allFinite(result.components.data)).toBe(true)
    expectConsistent(a, 4, result)
    for (const r of zeroRows) {
      for (let i = 0; i < 4; i++) expect(Math.abs(result.embedding.data[r * 4 + i]!)).toBe(0)
    }
  })

  it('recovers a matrix of exact low rank, with orthonormal components past the rank', () => {
    const weights = [9, 5, 3, 2]
    const a = lowRank(45, 90, weights, 31)
    const exact = referenceSingularValues(a)
    expect(exact[4]! / exact[0]!).toBeLessThan(1e-6)

    expectConsistent(a, 4, truncatedSvd(a, 4, { seed: 10, powerIterations: 0 }))

    const past = truncatedSvd(a, 9, { seed: 10 })
    expect(allFinite(past.embedding.data)).toBe(true)
    expect(allFinite(past.components.data)).toBe(true)
    expect(maxRelativeError(past.singularValues.subarray(0, 4), exact.slice(0, 4))).toBeLessThan(1e-4)
    for (let i = 4; i < 9; i++) expect(past.singularValues[i]!).toBeLessThan(1e-4 * exact[0]!)
    expect(distanceFromIdentity(rowGram(past.components), 9)).toBeLessThan(1e-5)
    // The leading four still reproduce a · V.
    const projected = project(a, past.components)
    for (let r = 0; r < a.rows; r++) {
      for (let i = 0; i < 4; i++) {
        expect(Math.abs(projected[r * 9 + i]! - past.embedding.data[r * 9 + i]!)).toBeLessThan(
          1e-4 * exact[0]!
        )
      }
    }

    // The same through the column side.
    const tall = lowRank(90, 45, weights, 32)
    expectConsistent(tall, 4, truncatedSvd(tall, 4, { seed: 11 }))
  })

  it('gives zeros and still-orthonormal components for an all-zero matrix', () => {
    const a = toCsr(new Float64Array(20 * 30), 20, 30)
    const result = truncatedSvd(a, 3)
    expect(Array.from(result.singularValues)).toEqual([0, 0, 0])
    expect(result.embedding.data.every((v) => v === 0)).toBe(true)
    expect(distanceFromIdentity(rowGram(result.components), 3)).toBeLessThan(1e-5)
  })

  it('scales with the data, even where the squares would leave the Float32 range', () => {
    const a = plantedTopics(40, 70, 3, 18)
    const base = truncatedSvd(a, 3, { seed: 12 })
    for (const factor of [1e-30, 1e30]) {
      const scaled: CsrMatrix = { ...a, data: a.data.map((v) => v * factor) }
      const result = truncatedSvd(scaled, 3, { seed: 12 })
      expect(allFinite(result.singularValues)).toBe(true)
      const expected = Array.from(base.singularValues, (v) => v * factor)
      expect(maxRelativeError(result.singularValues, expected)).toBeLessThan(1e-5)
      for (let i = 0; i < base.components.data.length; i++) {
        expect(Math.abs(result.components.data[i]! - base.components.data[i]!)).toBeLessThan(1e-4)
      }
    }
  })

  it('is deterministic for a seed, bit for bit', () => {
    const a = plantedTopics(70, 110, 5, 16)
    const first = truncatedSvd(a, 5, { seed: 123 })
    const second = truncatedSvd(a, 5, { seed: 123 })
    expect(Buffer.from(second.embedding.data.buffer).equals(Buffer.from(first.embedding.data.buffer))).toBe(
      true
    )
    expect(Buffer.from(second.components.data.buffer).equals(Buffer.from(first.components.data.buffer))).toBe(
      true
    )
    expect(Array.from(second.singularValues)).toEqual(Array.from(first.singularValues))

    // Another seed: a different sample, the same answer up to rounding (signs are fixed).
    const other = truncatedSvd(a, 5, { seed: 124 })
    expect(Buffer.from(other.embedding.data.buffer).equals(Buffer.from(first.embedding.data.buffer))).toBe(
      false
    )
    expect(maxRelativeError(other.singularValues, first.singularValues)).toBeLessThan(1e-5)
    for (let i = 0; i < first.components.data.length; i++) {
      expect(Math.abs(other.components.data[i]! - first.components.data[i]!)).toBeLessThan(1e-3)
    }
  })
})

describe('normalizeRows', () => {
  it('scales rows to unit length in place and leaves zero rows zero', () => {
    const m: DenseMatrix = { rows: 3, cols: 3, data: Float32Array.from([3, 0, 4, 0, 0, 0, -1, 1, 1]) }
    const out = normalizeRows(m)
    expect(out).toBe(m)
    expect(Array.from(m.data.subarray(0, 3))).toEqual([0.6000000238418579, 0, 0.800000011920929])
    expect(Array.from(m.data.subarray(3, 6))).toEqual([0, 0, 0])
    const third = Array.from(m.data.subarray(6, 9))
    expect(Math.hypot(...third)).toBeCloseTo(1, 6)
    expect(third[0]).toBeCloseTo(-1 / Math.sqrt(3), 6)
  })
})
