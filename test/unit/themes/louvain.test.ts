import { describe, expect, it } from 'vitest'
import type { KnnGraph } from '../../../src/main/core/themes/graph/knn'
import {
  knnToGraph,
  louvain,
  modularity,
  splitDisconnected,
  type WeightedGraph
} from '../../../src/main/core/themes/graph/louvain'
import { seededRandom } from '../../../src/main/core/themes/random'


type Edge = [number, number, number]

/** A symmetric CSR graph from undirected edges (weight 1 unless given), built independently of knnToGraph. */
function graphOf(n: number, edges: readonly (readonly [number, number, number?])[]): WeightedGraph {
  const rows: Map<number, number>[] = Array.from({ length: n }, () => new Map())
  for (const [a, b, w = 1] of edges) {
    rows[a]!.set(b, (rows[a]!.get(b) ?? 0) + w)
    rows[b]!.set(a, (rows[b]!.get(a) ?? 0) + w)
  }
  const indptr = new Int32Array(n + 1)
  const indices: number[] = []
  const weights: number[] = []
  rows.forEach((r, i) => {
    for (const [j, w] of [...r].sort((x, y) => x[0] - y[0])) {
      indices.push(j)
      weights.push(w)
    }
    indptr[i + 1] = indices.length
  })
  return { n, indptr, indices: Int32Array.from(indices), weights: Float64Array.from(weights) }
}

/** Stochastic block model: `blocks` blocks of `size` nodes, edge chance pIn inside, pOut across. */
function sbm(blocks: number, size: number, pIn: number, pOut: number, seed: number): Edge[] {
  const rng = seededRandom(seed)
  const edges: Edge[] = []
  const n = blocks * size
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const same = Math.floor(i / size) === Math.floor(j / size)
      if (rng.next() < (same ? pIn : pOut)) edges.push([i, j, 1])
    }
  }
  return edges
}

/** Complete graphs on the given node lists. */
function cliques(groups: number[][]): Edge[] {
  const edges: Edge[] = []
  for (const g of groups)
    for (let a = 0; a < g.length; a++) for (let b = a + 1; b < g.length; b++) edges.push([g[a]!, g[b]!, 1])
  return edges
}

/**
 * Q = (1 / 2m) Σ_ij [A_ij − γ k_i k_j / 2m] δ(c_i, c_j) over a dense adjacency matrix: the textbook
 * definition, independent of the library's per-community sums.
 */
function naiveModularity(n: number, edges: readonly Edge[], c: ArrayLike<number>, gamma = 1): number {
  const a = Array.from({ length: n }, () => new Float64Array(n))
  for (const [i, j, w] of edges) {
    a[i]![j]! += w
    a[j]![i]! += w
  }
  const k = a.map((r) => r.reduce((s, v) => s + v, 0))
  const twoM = k.reduce((s, v) => s + v, 0)
  let q = 0
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) if (c[i] === c[j]) q += a[i]![j]! - (gamma * k[i]! * k[j]!) / twoM
  }
  return q / twoM
}

/** The community of each block, if every block lies wholly in one community and no two share one. */
function blockCommunities(communities: Int32Array, blocks: number, size: number): number[] | null {
  const of: number[] = []
  for (let b = 0; b < blocks; b++) {
    const seen = new Set<number>()
    for (let i = b * size; i < (b + 1) * size; i++) seen.add(communities[i]!)
    if (seen.size !== 1) return null
    of.push([...seen][0]!)
  }
  return new Set(of).size === blocks ? of : null
}

/** Whether every community induces a connected subgraph (breadth-first search). */
function allConnected(g: WeightedGraph, communities: Int32Array): boolean {
  const reached = new Set<number>()
  const seenCommunity = new Set<number>()
  for (let s = 0; s < g.n; s++) {
    if (reached.has(s)) continue
    const c = communities[s]!
    if (seenCommunity.has(c)) return false
    seenCommunity.add(c)
    const queue = [s]
    reached.add(s)
    while (queue.length > 0) {
      const v = queue.pop()!
      for (let e = g.indptr[v]!; e < g.indptr[v + 1]!; e++) {
        const u = g.indices[e]!
        if (!reached.has(u) && communities[u] === c) {
          reached.add(u)
          queue.push(u)
        }
      }
    }
  }
  return true
}

/** Community numbering: 0..count-1, sizes non-increasing, equal sizes in order of first node. */
function expectCanonical(communities: Int32Array, count: number): void {
  const size = new Array<number>(count).fill(0)
  const first = new Array<number>(count).fill(-1)
  communities.forEach((c, i) => {
    expect(c).toBeGreaterThanOrEqual(0)
    expect(c).toBeLessThan(count)
    size[c]!++
    if (first[c] === -1) first[c] = i
  })
  for (let c = 1; c < count; c++) {
    expect(size[c]!).toBeGreaterThan(0)
    expect(size[c]! < size[c - 1]! || (size[c] === size[c - 1] && first[c]! > first[c - 1]!)).toBe(true)
  }
}

describe('knnToGraph', () => {
  // 0 ↔ 1 mutual; 0 → 2 one way; 2 → 3 with similarity 0 and 3 → 0 negative (dropped);
  // row 3 lists itself and has a missing slot.
  const g: KnnGraph = {
    n: 4,
    k: 2,
    neighbors: Int32Array.of(1, 2, 0, -1, 0, 3, 3, 0),
    similarities: Float32Array.of(0.75, 0.5, 0.75, -Infinity, 0.25, 0, 1, -0.5)
  }

  it('adds the two directions (sum): a mutual pair counts twice', () => {
    const u = knnToGraph(g)
    expect(Array.from(u.indptr)).toEqual([0, 2, 3, 4, 4])
    expect(Array.from(u.indices)).toEqual([1, 2, 0, 0])
    expect(Array.from(u.weights)).toEqual([1.5, 0.75, 1.5, 0.75])
  })

  it('or keeps the larger direction (max)', () => {
    const u = knnToGraph(g, { mutualWeight: 'max' })
    expect(Array.from(u.indices)).toEqual([1, 2, 0, 0])
    expect(Array.from(u.weights)).toEqual([0.75, 0.5, 0.75, 0.5])
  })

  it('is symmetric with ascending columns on a larger random k-NN graph', () => {
    const rng = seededRandom(4)
    const n = 500
    const k = 6
    const neighbors = new Int32Array(n * k)
    const similarities = new Float32Array(n * k)
    for (let i = 0; i < n; i++) {
      const picked = new Set<number>()
      while (picked.size < k) picked.add(rng.int(n))
      ;[...picked].forEach((j, t) => {
        neighbors[i * k + t] = j
        similarities[i * k + t] = rng.next() - 0.1
      })
    }
    const u = knnToGraph({ n, k, neighbors, similarities })
    const weight = new Map<string, number>()
    for (let i = 0; i < n; i++) {
      let previous = -1
      for (let e = u.indptr[i]!; e < u.indptr[i + 1]!; e++) {
        const j = u.indices[e]!
        expect(j).toBeGreaterThan(previous)
        expect(j).not.toBe(i)
        expect(u.weights[e]!).toBeGreaterThan(0)
        previous = j
        weight.set(`${i},${j}`, u.weights[e]!)
      }
    }
    for (const [key, w] of weight) {
      const [i, j] = key.split(',')
      expect(weight.get(`${j},${i}`)).toBe(w)
    }
    // Expected weight of a pair: the sum of its positive, non-self directed similarities.
    const expected = new Map<string, number>()
    for (let i = 0; i < n; i++) {
      for (let t = 0; t < k; t++) {
        const j = neighbors[i * k + t]!
        const s = similarities[i * k + t]!
        if (j === i || s <= 0) continue
        const key = i < j ? `${i},${j}` : `${j},${i}`
        expected.set(key, (expected.get(key) ?? 0) + s)
      }
    }
    for (const [key, w] of expected) expect(weight.get(key)).toBeCloseTo(w, 12)
    expect(weight.size).toBe(2 * expected.size)
  })
})

describe('modularity', () => {
  const edges = sbm(4, 30, 0.3, 0.02, 5)
  const g = graphOf(120, edges)

  it('equals the textbook definition for any partition and resolution', () => {
    const rng = seededRandom(8)
    const partitions = [
      Int32Array.from({ length: 120 }, (_, i) => Math.floor(i / 30)),
      Int32Array.from({ length: 120 }, () => rng.int(7)),
      new Int32Array(120),
      Int32Array.from({ length: 120 }, (_, i) => i)
    ]
    for (const c of partitions) {
      for (const gamma of [1, 0.5, 1.7]) {
        expect(modularity(g, c, gamma)).toBeCloseTo(naiveModularity(120, edges, c, gamma), 12)
      }
    }
    // One community holding everything: Q = 1 − γ.
    expect(modularity(g, new Int32Array(120), 1.5)).toBeCloseTo(-0.5, 12)
  })

  it('is 0 without edges', () => {
    expect(modularity(graphOf(5, []), Int32Array.of(0, 1, 2, 3, 4))).toBe(0)
  })
})

describe('louvain', () => {
  it('recovers a planted partition (8 blocks of 100, p_in 0.2, p_out 0.005)', () => {
    const edges = sbm(8, 100, 0.2, 0.005, 1)
    const g = graphOf(800, edges)
    const r = louvain(g, { seed: 3 })
    expect(r.count).toBe(8)
    expect(blockCommunities(r.communities, 8, 100)).not.toBeNull()
    expect(r.modularity).toBe(modularity(g, r.communities))
    expect(r.modularity).toBeCloseTo(naiveModularity(800, edges, r.communities), 10)
    expectCanonical(r.communities, r.count)
  })

  it('returns the modularity of its partition at the resolution used', () => {
    const edges = sbm(5, 40, 0.25, 0.03, 2)
    const g = graphOf(200, edges)
    for (const resolution of [0.5, 1, 2]) {
      const r = louvain(g, { resolution, seed: 1 })
      expect(r.modularity).toBe(modularity(g, r.communities, resolution))
      expect(r.modularity).toBeCloseTo(naiveModularity(200, edges, r.communities, resolution), 10)
    }
  })

  it('splits two cliques joined by one edge', () => {
    const a = [0, 1, 2, 3, 4, 5]
    const b = [6, 7, 8, 9, 10, 11]
    const g = graphOf(12, [...cliques([a, b]), [5, 6, 1]])
    const r = louvain(g)
    expect(r.count).toBe(2)
    expect(new Set(a.map((i) => r.communities[i])).size).toBe(1)
    expect(new Set(b.map((i) => r.communities[i])).size).toBe(1)
    expect(r.communities[0]).not.toBe(r.communities[6])
  })

  it('shows the resolution limit on a ring of cliques, and a larger γ resolves it', () => {
    // 30 five-cliques in a ring, neighbours joined by one edge. At γ = 1 merging neighbouring
    // cliques in pairs beats one community per clique (30 > 5·4 + 2, Fortunato & Barthélemy
    // 2007); with γ the condition becomes 30 > γ·22, so at γ = 2 single cliques win.
    const ring = 30
    const groups = Array.from({ length: ring }, (_, c) => Array.from({ length: 5 }, (_, t) => c * 5 + t))
    const edges: Edge[] = [...cliques(groups)]
    for (let c = 0; c < ring; c++) edges.push([c * 5 + 4, ((c + 1) % ring) * 5, 1])
    const g = graphOf(ring * 5, edges)
    const perClique = Int32Array.from({ length: ring * 5 }, (_, i) => Math.floor(i / 5))

    const coarse = louvain(g, { seed: 1 })
    for (const members of groups) expect(new Set(members.map((i) => coarse.communities[i])).size).toBe(1)
    expect(coarse.count).toBeLessThan(ring)
    expect(coarse.modularity).toBeGreaterThan(modularity(g, perClique))

    const fine = louvain(g, { seed: 1, resolution: 2 })
    expect(fine.count).toBe(ring)
    expect(blockCommunities(fine.communities, ring, 5)).not.toBeNull()
    expect(fine.count).toBeGreaterThan(coarse.count)
  })

  it('is deterministic for a seed', () => {
    const g = graphOf(600, sbm(6, 100, 0.05, 0.01, 9))
    const a = louvain(g, { seed: 5 })
    const b = louvain(g, { seed: 5 })
    expect(a.communities).toEqual(b.communities)
    expect(a.levels).toEqual(b.levels)
    expect(a.modularity).toBe(b.modularity)
  })

  it('gives every isolated node its own community', () => {
    // Nodes 0, 4, 9 and 10 have no edges; two triangles among the rest.
    const g = graphOf(
      11,
      cliques([
        [1, 2, 3],
        [5, 6, 7, 8]
      ])
    )
    const r = louvain(g)
    expect(r.count).toBe(6)
    const isolated = [0, 4, 9, 10].map((i) => r.communities[i])
    expect(new Set(isolated).size).toBe(4)
    for (const i of [0, 4, 9, 10]) {
      expect(Array.from(r.communities).filter((c) => c === r.communities[i])).toHaveLength(1)
    }
    expectCanonical(r.communities, r.count)
    // Singletons sort after the larger communities, by node.
    expect(Array.from(r.communities)).toEqual([2, 1, 1, 1, 3, 0, 0, 0, 0, 4, 5])

    const empty = louvain(graphOf(4, []))
    expect(Array.from(empty.communities)).toEqual([0, 1, 2, 3])
    expect(empty.count).toBe(4)
    expect(empty.modularity).toBe(0)
    expect(empty.levels).toHaveLength(1)
    expect(louvain(graphOf(0, [])).count).toBe(0)
  })

  it('splits disconnected communities into their components', () => {
    // A path 0-1-2 and an edge 3-4, wrongly put in one community with 5 (isolated).
    const g = graphOf(6, [
      [0, 1, 1],
      [1, 2, 1],
      [3, 4, 1]
    ])
    const wrong = Int32Array.of(0, 0, 0, 0, 0, 0)
    const split = splitDisconnected(g, wrong)
    expect(split.count).toBe(3)
    expect(Array.from(split.communities)).toEqual([0, 0, 0, 1, 1, 2])
    expect(modularity(g, split.communities)).toBeGreaterThan(modularity(g, wrong))
  })

  it('splits a community that plain Louvain leaves disconnected', () => {
    // A sparse random graph where, at seed 2 and γ = 0.5, plain Louvain (no split) ends with
    // {3, 4, 12, 17, 22, 25, 26} and {10, 16, 28} in one community: node 1, their only link, has
    // moved to another community after they were merged (Q 0.6867, 7 communities).
    const edges: Edge[] = (
      [
        [2, 5],
        [6, 24],
        [12, 3],
        [25, 22],
        [2, 18],
        [26, 22],
        [27, 24],
        [7, 2],
        [4, 17],
        [2, 6],
        [4, 25],
        [24, 18],
        [6, 8],
        [19, 8],
        [8, 27],
        [16, 28],
        [5, 8],
        [9, 1],
        [19, 23],
        [16, 10],
        [1, 28],
        [24, 21],
        [11, 15],
        [14, 13],
        [17, 1],
        [1, 27],
        [4, 3],
        [24, 23],
        [24, 23],
        [5, 27]
      ] as const
    ).map(([a, b]) => [a, b, 1])
    const g = graphOf(30, edges)
    const r = louvain(g, { seed: 2, resolution: 0.5 })
    expect(allConnected(g, r.communities)).toBe(true)
    for (const level of r.levels) expect(allConnected(g, level)).toBe(true)
    const of = (nodes: number[]): Set<number> => new Set(nodes.map((i) => r.communities[i]!))
    expect(of([3, 4, 12, 17, 22, 25, 26]).size).toBe(1)
    expect(of([10, 16, 28]).size).toBe(1)
    expect(r.communities[10]).not.toBe(r.communities[3])
    expect(r.count).toBe(8)
    expect(r.modularity).toBeGreaterThan(0.6867)
  })

  it('only ever returns connected communities', () => {
    // Sparse random graphs, where local moving readily strands a node's former neighbours.
    for (let seed = 0; seed < 20; seed++) {
      const rng = seededRandom(seed)
      const n = 300
      const edges: Edge[] = []
      for (let e = 0; e < 420; e++) {
        const a = rng.int(n)
        const b = rng.int(n)
        if (a !== b) edges.push([a, b, 0.1 + rng.next()])
      }
      const g = graphOf(n, edges)
      for (const resolution of [0.5, 1, 3]) {
        const r = louvain(g, { seed, resolution })
        expect(allConnected(g, r.communities)).toBe(true)
        for (const level of r.levels) expect(allConnected(g, level)).toBe(true)
        expect(r.modularity).toBeCloseTo(naiveModularity(n, edges, r.communities, resolution), 10)
      }
    }
  })

  it('reports nested levels, finest first, the last being the result', () => {
    const edges: Edge[] = []
    // 16 groups of 20 in 4 super-groups of 4: dense inside groups, sparser inside super-groups.
    const rng = seededRandom(12)
    for (let i = 0; i < 320; i++) {
      for (let j = i + 1; j < 320; j++) {
        const p =
          Math.floor(i / 20) === Math.floor(j / 20)
            ? 0.5
            : Math.floor(i / 80) === Math.floor(j / 80)
              ? 0.04
              : 0.002
        if (rng.next() < p) edges.push([i, j, 1])
      }
    }
    const g = graphOf(320, edges)
    const r = louvain(g, { seed: 2 })
    expect(r.levels.length).toBeGreaterThanOrEqual(1)
    expect(r.levels[r.levels.length - 1]).toEqual(r.communities)
    for (let l = 0; l + 1 < r.levels.length; l++) {
      const fine = r.levels[l]!
      const coarse = r.levels[l + 1]!
      const parent = new Map<number, number>()
      for (let i = 0; i < 320; i++) {
        const p = parent.get(fine[i]!)
        if (p === undefined) parent.set(fine[i]!, coarse[i]!)
        else expect(coarse[i]).toBe(p)
      }
      expect(new Set(coarse).size).toBeLessThan(new Set(fine).size)
    }
    for (const level of r.levels) expectCanonical(level, new Set(level).size)
    const limited = louvain(g, { seed: 2, maxLevels: 1 })
    expect(limited.levels).toHaveLength(1)
    expect(limited.levels[0]).toEqual(r.levels[0])
  })
})
