import { describe, expect, it } from 'vitest'
import {
  EXACT_KNN_MAX_ROWS,
  approximateKnn,
  exactKnn,
  knn,
  type KnnGraph
} from '../../../src/main/core/themes/graph/knn'
import type { DenseMatrix } from '../../../src/main/core/themes/linalg/matrix'
import { seededRandom } from '../../../src/main/core/themes/random'


/** Rows scaled to unit length (all-zero rows stay zero). */
function normalise(data: Float32Array, rows: number, cols: number): DenseMatrix {
  for (let i = 0; i < rows; i++) {
    let s = 0
    for (let t = 0; t < cols; t++) s += data[i * cols + t]! ** 2
    const norm = Math.sqrt(s)
    if (norm > 0) for (let t = 0; t < cols; t++) data[i * cols + t] = data[i * cols + t]! / norm
  }
  return { rows, cols, data }
}

/** n unit rows around `clusters` random centres, Gaussian noise of sd sigma per coordinate. */
function clustered(n: number, d: number, clusters: number, sigma: number, seed: number): DenseMatrix {
  const rng = seededRandom(seed)
  const centres = Array.from({ length: clusters * d }, () => rng.normal())
  const data = new Float32Array(n * d)
  for (let i = 0; i < n; i++) {
    const c = rng.int(clusters)
    for (let t = 0; t < d; t++) data[i * d + t] = centres[c * d + t]! + sigma * rng.normal()
  }
  return normalise(data, n, d)
}

/** Unit rows with independent Gaussian coordinates. */
function gaussian(n: number, d: number, seed: number): DenseMatrix {
  const rng = seededRandom(seed)
  return normalise(
    Float32Array.from({ length: n * d }, () => rng.normal()),
    n,
    d
  )
}

/** Dot product summed in coordinate order, in double precision. */
function dot(p: DenseMatrix, i: number, j: number): number {
  let s = 0
  for (let t = 0; t < p.cols; t++) s += p.data[i * p.cols + t]! * p.data[j * p.cols + t]!
  return s
}

/** All pairs, sorted: each row's k most similar other rows, ties to the lower index. */
function naiveKnn(p: DenseMatrix, k: number): { neighbors: number[][]; similarities: number[][] } {
  const neighbors: number[][] = []
  const similarities: number[][] = []
  for (let i = 0; i < p.rows; i++) {
    const all: { j: number; s: number }[] = []
    for (let j = 0; j < p.rows; j++) if (j !== i) all.push({ j, s: dot(p, i, j) })
    all.sort((a, b) => b.s - a.s || a.j - b.j)
    const top = all.slice(0, k)
    neighbors.push(top.map((e) => e.j))
    similarities.push(top.map((e) => e.s))
  }
  return { neighbors, similarities }
}

function row(g: KnnGraph, i: number): number[] {
  return Array.from(g.neighbors.subarray(i * g.k, i * g.k + g.k))
}

/** Mean fraction of each row's true k neighbours that `approx` found. */
function recall(approx: KnnGraph, exact: KnnGraph): number {
  let hits = 0
  for (let i = 0; i < exact.n; i++) {
    const truth = new Set(row(exact, i))
    for (const j of row(approx, i)) if (truth.has(j)) hits++
  }
  return hits / (exact.n * exact.k)
}

/** Every row: no self, no repeats, -1 only at the end, similarities true and descending. */
function expectWellFormed(g: KnnGraph, p: DenseMatrix): void {
  for (let i = 0; i < g.n; i++) {
    const r = row(g, i)
    const present = r.filter((j) => j >= 0)
    expect(r.slice(0, present.length)).toEqual(present)
    expect(present).not.toContain(i)
    expect(new Set(present).size).toBe(present.length)
    for (let t = 0; t < g.k; t++) {
      const s = g.similarities[i * g.k + t]!
      const j = r[t]!
      if (j < 0) {
        expect(s).toBe(-Infinity)
        continue
      }
      expect(s).toBeCloseTo(dot(p, i, j), 5)
      if (t > 0) expect(s).toBeLessThanOrEqual(g.similarities[i * g.k + t - 1]!)
    }
  }
}

describe('exactKnn', () => {
  it.each([
    [300, 37, 10],
    [257, 100, 7],
    [131, 13, 1],
    [200, 1, 5],
    [129, 5, 16]
  ])('matches the all-pairs reference (n=%i, d=%i, k=%i)', (n, d, k) => {
    const p = gaussian(n, d, n + d + k)
    const g = exactKnn(p, k)
    const ref = naiveKnn(p, k)
    expect(g.n).toBe(n)
    expect(g.k).toBe(k)
    for (let i = 0; i < n; i++) {
      expect(row(g, i)).toEqual(ref.neighbors[i])
      expect(Array.from(g.similarities.subarray(i * k, i * k + k))).toEqual(
        ref.similarities[i]!.map((s) => Math.fround(s))
      )
    }
  })

  it('matches the reference on clustered data across several tiles', () => {
    const p = clustered(600, 24, 6, 0.4, 3)
    const g = exactKnn(p, 10)
    const ref = naiveKnn(p, 10)
    for (let i = 0; i < p.rows; i++) expect(row(g, i)).toEqual(ref.neighbors[i])
    expectWellFormed(g, p)
  })

  it('breaks ties by the lower index', () => {
    // Rows 2, 5 and 7 are the same vector, so each is equally similar to row 0.
    const p = gaussian(10, 4, 1)
    for (const r of [5, 7]) for (let t = 0; t < 4; t++) p.data[r * 4 + t] = p.data[2 * 4 + t]!
    const g = exactKnn(p, 2)
    expect(g.similarities[5 * 2]).toBe(g.similarities[5 * 2 + 1])
    expect(row(g, 5)).toEqual([2, 7])
    expect(row(g, 7)).toEqual([2, 5])
    expect(row(g, 2)).toEqual([5, 7])
    const zero = exactKnn({ rows: 4, cols: 3, data: new Float32Array(12) }, 2)
    expect(row(zero, 0)).toEqual([1, 2])
    expect(row(zero, 3)).toEqual([0, 1])
  })

  it('pads with -1 when there are fewer than k other rows', () => {
    const p = gaussian(4, 3, 2)
    const g = exactKnn(p, 6)
    for (let i = 0; i < 4; i++) {
      expect(row(g, i).slice(3)).toEqual([-1, -1, -1])
      expect(row(g, i).slice(0, 3).sort()).toEqual([0, 1, 2, 3].filter((j) => j !== i))
    }
    expectWellFormed(g, p)
    expect(exactKnn({ rows: 0, cols: 3, data: new Float32Array(0) }, 5).neighbors).toHaveLength(0)
    expect(Array.from(exactKnn({ rows: 1, cols: 2, data: Float32Array.of(1, 0) }, 2).neighbors)).toEqual([
      -1, -1
    ])
    expect(exactKnn(p, 0).neighbors).toHaveLength(0)
  })
})

describe('approximateKnn (NN-descent)', () => {
  const points = clustered(5000, 50, 40, 0.6, 11)
  const exact = exactKnn(points, 10)

  it('finds at least 90 % of the true 10 nearest neighbours of clustered data', () => {
    const approx = approximateKnn(points, 10, { seed: 7 })
    const r = recall(approx, exact)
    expect(r).toBeGreaterThanOrEqual(0.9)
    expectWellFormed(approx, points)
  })

  it('is deterministic for a seed', () => {
    const a = approximateKnn(points, 10, { seed: 3 })
    const b = approximateKnn(points, 10, { seed: 3 })
    expect(a.neighbors).toEqual(b.neighbors)
    expect(a.similarities).toEqual(b.similarities)
    const c = approximateKnn(points, 10, { seed: 4 })
    expect(recall(c, exact)).toBeGreaterThanOrEqual(0.9)
  })

  it('still converges from a random start (no trees) and with few candidates', () => {
    const noTrees = approximateKnn(points, 10, { seed: 1, trees: 0 })
    expect(recall(noTrees, exact)).toBeGreaterThanOrEqual(0.9)
    const sparse = approximateKnn(points, 10, { seed: 1, sampleRate: 0.5, iterations: 3 })
    expectWellFormed(sparse, points)
  })

  it('copes with many identical rows', () => {
    // Five distinct vectors repeated: every split of a tree cell is degenerate somewhere.
    const base = gaussian(5, 8, 9)
    const data = new Float32Array(1000 * 8)
    for (let i = 0; i < 1000; i++) data.set(base.data.subarray((i % 5) * 8, (i % 5) * 8 + 8), i * 8)
    const p = { rows: 1000, cols: 8, data }
    const g = approximateKnn(p, 10, { seed: 2 })
    expectWellFormed(g, p)
    for (let i = 0; i < 1000; i++) {
      for (const j of row(g, i)) expect(j % 5).toBe(i % 5)
    }
  })

  it('falls back to the exact search for tiny inputs', () => {
    const p = gaussian(40, 6, 5)
    expect(approximateKnn(p, 5)).toEqual(exactKnn(p, 5))
  })
})

describe('knn', () => {
  it('searches exactly up to the threshold and by NN-descent above it', () => {
    const small = clustered(300, 16, 5, 0.5, 1)
    expect(knn(small, 8)).toEqual(exactKnn(small, 8))
    expect(EXACT_KNN_MAX_ROWS).toBeGreaterThanOrEqual(300)
    const larger = clustered(1200, 16, 8, 0.5, 2)
    expect(knn(larger, 8, { exactMaxRows: 1000, seed: 5 })).toEqual(approximateKnn(larger, 8, { seed: 5 }))
    expect(knn(larger, 8, { exactMaxRows: 2000 })).toEqual(exactKnn(larger, 8))
  })
})
