import { seededRandom, type Random } from '../random'
import type { KnnGraph } from './knn'

/**
 * Community detection on a weighted undirected graph: Louvain (Blondel et al. 2008) with the
 * Reichardt–Bornholdt resolution γ, every community split into its connected components.
 */

/**
 * A weighted undirected graph in compressed sparse row form: node i's neighbours are
 * indices[indptr[i] .. indptr[i+1]) with positive weights; every edge is stored in both rows.
 */
export interface WeightedGraph {
  n: number
  /** n + 1 offsets into indices/weights. */
  indptr: Int32Array
  indices: Int32Array
  weights: Float64Array
}

export interface KnnToGraphOptions {
  /**
   * How the similarities of i → j and j → i combine: 'sum' (default) counts a pair both ends
   * chose twice, 'max' once.
   */
  mutualWeight?: 'sum' | 'max'
}

export interface LouvainOptions {
  /** γ: above 1 favours more, smaller communities; below 1 fewer, larger ones. Default 1. */
  resolution?: number
  /** Seed of the node visiting order; default 1. */
  seed?: number
  /** Most aggregation levels; default unlimited (stops when no node moves). */
  maxLevels?: number
}

export interface LouvainResult {
  /** Community of each node, 0..count-1 by descending size, ties by lowest node. */
  communities: Int32Array
  count: number
  /** Reichardt–Bornholdt modularity of communities at the resolution used. */
  modularity: number
  /** The partition after each level, finest first (same numbering rule); the last is communities. */
  levels: Int32Array[]
}

/**
 * The undirected graph of a k-NN graph (symmetrised as A = S + Sᵀ by default, or max(S, Sᵀ)),
 * self loops and non-positive similarities dropped; columns ascending within each row.
 */
export function knnToGraph(g: KnnGraph, options: KnnToGraphOptions = {}): WeightedGraph {
  const { n, k, neighbors, similarities } = g
  const useMax = options.mutualWeight === 'max'
  let directed = 0
  for (let i = 0; i < n; i++) {
    for (let t = i * k; t < i * k + k; t++) {
      const j = neighbors[t]!
      if (j >= 0 && j !== i && similarities[t]! > 0) directed++
    }
  }
  // Both directions of every k-NN entry, then two stable counting sorts (by column, then by row)
  // give rows with ascending columns, where the two copies of a mutual pair sit side by side.
  const size = 2 * directed
  const rowA = new Int32Array(size)
  const colA = new Int32Array(size)
  const wA = new Float64Array(size)
  let e = 0
  for (let i = 0; i < n; i++) {
    for (let t = i * k; t < i * k + k; t++) {
      const j = neighbors[t]!
      const s = similarities[t]!
      if (j < 0 || j === i || !(s > 0)) continue
      rowA[e] = i
      colA[e] = j
      wA[e++] = s
      rowA[e] = j
      colA[e] = i
      wA[e++] = s
    }
  }
  const rowB = new Int32Array(size)
  const colB = new Int32Array(size)
  const wB = new Float64Array(size)
  countingSort(colA, rowA, colA, wA, rowB, colB, wB, n)
  countingSort(rowB, rowB, colB, wB, rowA, colA, wA, n)

  const indptr = new Int32Array(n + 1)
  let out = 0
  let r = 0
  for (let p = 0; p < size; p++) {
    const row = rowA[p]!
    const col = colA[p]!
    const w = wA[p]!
    while (r < row) indptr[++r] = out
    if (out > indptr[row]! && colA[out - 1] === col) {
      wA[out - 1] = useMax ? Math.max(wA[out - 1]!, w) : wA[out - 1]! + w
    } else {
      // In place: the write position never passes the read position.
      colA[out] = col
      wA[out++] = w
    }
  }
  while (r < n) indptr[++r] = out
  return { n, indptr, indices: colA.slice(0, out), weights: wA.slice(0, out) }
}

/** Stable counting sort of (row, col, w) triples by key (values in [0, n)) into the out arrays. */
function countingSort(
  key: Int32Array,
  row: Int32Array,
  col: Int32Array,
  w: Float64Array,
  rowOut: Int32Array,
  colOut: Int32Array,
  wOut: Float64Array,
  n: number
): void {
  const start = new Int32Array(n + 1)
  for (let p = 0; p < key.length; p++) start[key[p]! + 1]!++
  for (let v = 0; v < n; v++) start[v + 1]! += start[v]!
  for (let p = 0; p < key.length; p++) {
    const q = start[key[p]!]!++
    rowOut[q] = row[p]!
    colOut[q] = col[p]!
    wOut[q] = w[p]!
  }
}

/**
 * Reichardt–Bornholdt modularity Q = Σ_c [w_in_c / m − γ (tot_c / 2m)²] of a partition
 * (γ = 1: Newman–Girvan); 0 for a graph without edges.
 */
export function modularity(graph: WeightedGraph, communities: Int32Array, resolution = 1): number {
  const { n, indptr, indices, weights } = graph
  let count = 0
  for (let i = 0; i < n; i++) count = Math.max(count, communities[i]! + 1)
  const tot = new Float64Array(count)
  let twoM = 0
  let inside = 0
  for (let i = 0; i < n; i++) {
    const ci = communities[i]!
    for (let e = indptr[i]!; e < indptr[i + 1]!; e++) {
      const w = weights[e]!
      twoM += w
      tot[ci]! += w
      if (communities[indices[e]!] === ci) inside += w
    }
  }
  if (twoM <= 0) return 0
  let expected = 0
  for (let c = 0; c < count; c++) {
    const f = tot[c]! / twoM
    expected += f * f
  }
  // inside counts each internal edge from both ends: inside / 2m = Σ_c w_in_c / m.
  return inside / twoM - resolution * expected
}

/** A local-moving pass gaining less modularity than this ends the level (Blondel et al.'s code: 1e-6). */
const MIN_PASS_GAIN = 1e-7

/**
 * Louvain community detection (Blondel et al. 2008) at resolution γ: seeded random-order local
 * moving and aggregation until no node moves, communities split into connected components.
 */
export function louvain(graph: WeightedGraph, options: LouvainOptions = {}): LouvainResult {
  const gamma = options.resolution ?? 1
  const maxLevels = options.maxLevels ?? Infinity
  const rng = seededRandom(options.seed ?? 1)
  const n = graph.n

  const levels: Int32Array[] = []
  // Level node of each original node.
  const nodeComm = new Int32Array(n)
  for (let i = 0; i < n; i++) nodeComm[i] = i
  // Scratch shared by every level (level graphs only shrink): -1 marks an untouched community.
  const neighW = new Float64Array(n).fill(-1)
  const touched = new Int32Array(n)
  const queue = new Int32Array(n)

  let level: WeightedGraph = graph
  for (let depth = 0; depth < maxLevels; depth++) {
    const ln = level.n
    const deg = new Float64Array(ln)
    let twoM = 0
    for (let i = 0; i < ln; i++) {
      let s = 0
      for (let e = level.indptr[i]!; e < level.indptr[i + 1]!; e++) s += level.weights[e]!
      deg[i] = s
      twoM += s
    }
    if (!(twoM > 0)) break
    const comm = new Int32Array(ln)
    for (let i = 0; i < ln; i++) comm[i] = i
    const order = randomOrder(ln, rng)
    if (!moveNodes(level, deg, twoM, gamma, comm, order, neighW, touched)) break

    // Aggregating connected pieces rather than raw communities keeps every level node connected,
    // so a disconnected community at any level is just its pieces at the next.
    const pieces = new Int32Array(ln)
    const count = components(level, comm, pieces, queue)
    if (count === ln) break
    for (let i = 0; i < n; i++) nodeComm[i] = pieces[nodeComm[i]!]!
    levels.push(canonical(nodeComm, count))
    if (count === 1) break
    level = aggregate(level, pieces, count, neighW, touched, queue)
  }
  if (levels.length === 0) {
    // Nothing moved (no edges, or every node best alone): singletons, split like any level.
    const pieces = new Int32Array(n)
    levels.push(canonical(pieces, components(graph, nodeComm, pieces, queue)))
  }
  const communities = levels[levels.length - 1]!
  let count = 0
  for (let i = 0; i < n; i++) count = Math.max(count, communities[i]! + 1)
  return { communities, count, modularity: modularity(graph, communities, gamma), levels }
}

/**
 * Splits each community into its connected components (edges of positive weight) and renumbers
 * by descending size, ties by lowest node; this never lowers modularity (Traag et al. 2019).
 */
export function splitDisconnected(
  graph: WeightedGraph,
  communities: Int32Array
): { communities: Int32Array; count: number } {
  const pieces = new Int32Array(graph.n)
  const count = components(graph, communities, pieces, new Int32Array(graph.n))
  return { communities: canonical(pieces, count), count }
}

/** A seeded Fisher–Yates permutation of 0..n-1. */
function randomOrder(n: number, rng: Random): Int32Array {
  const order = new Int32Array(n)
  for (let i = 0; i < n; i++) order[i] = i
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1)
    const t = order[i]!
    order[i] = order[j]!
    order[j] = t
  }
  return order
}

/**
 * Louvain's local moving phase: each node in turn goes to the neighbouring community of largest
 * gain k_i,c − γ·tot_c·k_i / 2m (or stays on a tie), in passes until one gains < MIN_PASS_GAIN.
 * True if any node moved.
 */
function moveNodes(
  g: WeightedGraph,
  deg: Float64Array,
  twoM: number,
  gamma: number,
  comm: Int32Array,
  order: Int32Array,
  neighW: Float64Array,
  touched: Int32Array
): boolean {
  const { n, indptr, indices, weights } = g
  const tot = Float64Array.from(deg)
  let movedAny = false
  for (;;) {
    let moves = 0
    let gain = 0
    for (let o = 0; o < n; o++) {
      const i = order[o]!
      const ci = comm[i]!
      const ki = deg[i]!
      let nt = 0
      for (let e = indptr[i]!; e < indptr[i + 1]!; e++) {
        const j = indices[e]!
        // A self loop (an aggregated community's inside) moves with the node: no effect on gain.
        if (j === i) continue
        const c = comm[j]!
        if (neighW[c]! < 0) {
          neighW[c] = 0
          touched[nt++] = c
        }
        neighW[c]! += weights[e]!
      }
      tot[ci]! -= ki
      const scale = (gamma * ki) / twoM
      const own = neighW[ci]!
      const stay = (own > 0 ? own : 0) - tot[ci]! * scale
      let best = ci
      let bestGain = stay
      for (let t = 0; t < nt; t++) {
        const c = touched[t]!
        const g = neighW[c]! - tot[c]! * scale
        if (g > bestGain) {
          bestGain = g
          best = c
        }
        neighW[c] = -1
      }
      tot[best]! += ki
      if (best !== ci) {
        comm[i] = best
        moves++
        gain += bestGain - stay
      }
    }
    if (moves === 0) break
    movedAny = true
    // ΔQ of a move is (gain difference) / m = 2·difference / 2m.
    if ((2 * gain) / twoM < MIN_PASS_GAIN) break
  }
  return movedAny
}

/**
 * Labels the connected components of each community (breadth-first over positive edges inside
 * it) 0..count-1 in order of lowest node; returns count.
 */
function components(g: WeightedGraph, comm: Int32Array, labels: Int32Array, queue: Int32Array): number {
  const { n, indptr, indices, weights } = g
  labels.fill(-1, 0, n)
  let count = 0
  for (let s = 0; s < n; s++) {
    if (labels[s]! >= 0) continue
    const c = comm[s]!
    labels[s] = count
    let head = 0
    let tail = 0
    queue[tail++] = s
    while (head < tail) {
      const v = queue[head++]!
      for (let e = indptr[v]!; e < indptr[v + 1]!; e++) {
        const u = indices[e]!
        if (labels[u]! < 0 && comm[u] === c && weights[e]! > 0) {
          labels[u] = count
          queue[tail++] = u
        }
      }
    }
    count++
  }
  return count
}

/**
 * Louvain's aggregation phase: one node per community, edge weights summed, the weight inside a
 * community kept as a self loop (counted from both ends, so degrees and 2m are unchanged).
 */
function aggregate(
  g: WeightedGraph,
  comm: Int32Array,
  count: number,
  neighW: Float64Array,
  touched: Int32Array,
  members: Int32Array
): WeightedGraph {
  const { n, indptr, indices, weights } = g
  const start = new Int32Array(count + 1)
  for (let i = 0; i < n; i++) start[comm[i]! + 1]!++
  for (let c = 0; c < count; c++) start[c + 1]! += start[c]!
  const fill = start.slice(0, count)
  for (let i = 0; i < n; i++) members[fill[comm[i]!]!++] = i

  // Each row has at most its members' entries plus a self loop.
  const outPtr = new Int32Array(count + 1)
  const outIdx = new Int32Array(indptr[n]! + count)
  const outW = new Float64Array(indptr[n]! + count)
  let out = 0
  for (let c = 0; c < count; c++) {
    let nt = 0
    let inside = 0
    for (let m = start[c]!; m < start[c + 1]!; m++) {
      const i = members[m]!
      for (let e = indptr[i]!; e < indptr[i + 1]!; e++) {
        const d = comm[indices[e]!]!
        const w = weights[e]!
        if (d === c) {
          inside += w
        } else {
          if (neighW[d]! < 0) {
            neighW[d] = 0
            touched[nt++] = d
          }
          neighW[d]! += w
        }
      }
    }
    if (inside > 0) {
      outIdx[out] = c
      outW[out++] = inside
    }
    for (let t = 0; t < nt; t++) {
      const d = touched[t]!
      outIdx[out] = d
      outW[out++] = neighW[d]!
      neighW[d] = -1
    }
    outPtr[c + 1] = out
  }
  return { n: count, indptr: outPtr, indices: outIdx.subarray(0, out), weights: outW.subarray(0, out) }
}

/** Renumbers labels 0..count-1 by descending community size, ties by lowest node. */
function canonical(labels: Int32Array, count: number): Int32Array {
  const n = labels.length
  const size = new Int32Array(count)
  const first = new Int32Array(count).fill(-1)
  for (let i = 0; i < n; i++) {
    const c = labels[i]!
    size[c]!++
    if (first[c]! < 0) first[c] = i
  }
  const ids = new Int32Array(count)
  for (let c = 0; c < count; c++) ids[c] = c
  ids.sort((a, b) => size[b]! - size[a]! || first[a]! - first[b]!)
  const rank = new Int32Array(count)
  for (let r = 0; r < count; r++) rank[ids[r]!] = r
  const out = new Int32Array(n)
  for (let i = 0; i < n; i++) out[i] = rank[labels[i]!]!
  return out
}
