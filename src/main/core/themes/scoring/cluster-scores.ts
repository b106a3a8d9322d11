/**
 * Scores a clustering against true labels the way the benchmark's reference tool
 * (`score_clusters.py`: scikit-learn 1.2 and scipy) does, so numbers from the app and from the tool
 * can be compared directly: NMI with arithmetic averaging, ARI, and accuracy after a one-to-one
 * (Hungarian) matching of clusters to classes.
 */

export interface ClusterScores {
  /** Number of items scored. */
  n: number
  /** Distinct predicted clusters. */
  k: number
  /** Distinct true classes. */
  classes: number
  nmi: number
  ari: number
  accuracy: number
}

/** Cluster × class counts, labels indexed in order of first appearance. */
export interface Contingency {
  n: number
  /** counts[cluster][class]. */
  counts: number[][]
  clusterSizes: number[]
  classSizes: number[]
}

type Label = number | string

// The same cut-off sklearn's mutual_info_score applies to each term, so near-zero noise rounds
// the same way on both sides.
const EPSILON = 2.220446049250313e-16

/** Dense ids for labels in order of first appearance (so a relabelled clustering sums in the same order). */
function indexLabels(labels: ArrayLike<Label>): { index: Int32Array; count: number } {
  const ids = new Map<Label, number>()
  const index = new Int32Array(labels.length)
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i] as Label
    let id = ids.get(label)
    if (id === undefined) {
      id = ids.size
      ids.set(label, id)
    }
    index[i] = id
  }
  return { index, count: ids.size }
}

/** The contingency table of predicted clusters (rows) against true classes (columns). */
export function contingency(predicted: ArrayLike<Label>, truth: ArrayLike<Label>): Contingency {
  if (predicted.length !== truth.length)
    throw new Error(
      `predicted and truth differ in length: ${predicted.length} predicted labels, ${truth.length} true labels`
    )
  const p = indexLabels(predicted)
  const t = indexLabels(truth)
  const counts = Array.from({ length: p.count }, () => new Array<number>(t.count).fill(0))
  const clusterSizes = new Array<number>(p.count).fill(0)
  const classSizes = new Array<number>(t.count).fill(0)
  for (let i = 0; i < predicted.length; i++) {
    const a = p.index[i]!
    const b = t.index[i]!
    counts[a]![b]!++
    clusterSizes[a]!++
    classSizes[b]!++
  }
  return { n: predicted.length, counts, clusterSizes, classSizes }
}

/** Shannon entropy (natural log) of a labelling given its group sizes, as sklearn's `entropy`. */
function entropy(sizes: readonly number[], n: number): number {
  if (sizes.length <= 1) return 0
  const logN = Math.log(n)
  let h = 0
  // log(a) - log(n) rather than log(a / n): sklearn does the same for precision.
  for (const s of sizes) h -= (s / n) * (Math.log(s) - logN)
  return h
}

/** Mutual information (natural log) of the two labellings, term by term as sklearn's `mutual_info_score`. */
function mutualInformation(table: Contingency): number {
  const { n, counts, clusterSizes, classSizes } = table
  if (clusterSizes.length <= 1 || classSizes.length <= 1) return 0
  const logN = Math.log(n)
  let mi = 0
  for (let a = 0; a < counts.length; a++) {
    const row = counts[a]!
    for (let b = 0; b < row.length; b++) {
      const c = row[b]!
      if (c === 0) continue
      const share = c / n
      const logOuter = -Math.log(clusterSizes[a]! * classSizes[b]!) + logN + logN
      const term = share * (Math.log(c) - logN) + share * logOuter
      if (Math.abs(term) >= EPSILON) mi += term
    }
  }
  return Math.max(0, mi)
}

/**
 * Normalized mutual information with arithmetic averaging, MI / mean(H(pred), H(truth))
 * (Vinh, Epps & Bailey 2010), with sklearn's special cases.
 */
function normalizedMutualInformation(table: Contingency): number {
  const k = table.clusterSizes.length
  const classes = table.classSizes.length
  // Both labellings constant (or empty): sklearn calls that a perfect match.
  if (k === classes && k <= 1) return 1
  // The same partition under other names is exactly 1; summed logs would land an ulp or two off
  // (V8's Math.log can be an ulp off where numpy's is not), and "NMI 1" should read as 1.
  if (k === classes && table.counts.every((row) => row.filter((c) => c > 0).length === 1)) return 1
  const mi = mutualInformation(table)
  if (mi === 0) return 0
  const mean = (entropy(table.classSizes, table.n) + entropy(table.clusterSizes, table.n)) / 2
  // MI ≤ min(H) so this only trims rounding above 1.
  return Math.min(1, mi / mean)
}

/** Sum of squares; exact in doubles while n² < 2^53, i.e. for any realistic n. */
function sumOfSquares(values: Iterable<number>): number {
  let s = 0
  for (const v of values) s += v * v
  return s
}

/**
 * Adjusted Rand index (Hubert & Arabie 1985) via the pair confusion matrix, as sklearn 1.2 computes it.
 */
function adjustedRandIndex(table: Contingency): number {
  const { n, counts, clusterSizes, classSizes } = table
  let cells = 0
  for (const row of counts) cells += sumOfSquares(row)
  // Ordered pair counts: together in both, only in the clustering, only in the truth, in neither.
  const tp = cells - n
  const fp = sumOfSquares(clusterSizes) - cells
  const fn = sumOfSquares(classSizes) - cells
  const tn = n * n - fp - fn - cells
  if (fn === 0 && fp === 0) return 1
  // Products reach n⁴, past 2^53 from n ≈ 10⁴: BigInt keeps them exact, as Python ints do for sklearn.
  const [TP, FP, FN, TN] = [BigInt(tp), BigInt(fp), BigInt(fn), BigInt(tn)]
  const numerator = TP * TN - FN * FP
  const denominator = (TP + FN) * (FN + TN) + (TP + FP) * (FP + TN)
  return (2 * Number(numerator)) / Number(denominator)
}

/** Max-weight assignment (Hungarian, Jonker–Volgenant shortest augmenting paths): each row's column, or -1. */
export function hungarianMax(weights: number[][]): number[] {
  // Always matches min(rows, cols) pairs, as scipy's linear_sum_assignment does, even where a negative
  // weight would make leaving a row out pay; O(min² · max).
  const rows = weights.length
  if (rows === 0) return []
  const cols = weights[0]!.length
  for (const row of weights) {
    if (row.length !== cols)
      throw new Error(`hungarianMax: ragged matrix (rows of ${cols} and ${row.length})`)
    for (const w of row) if (!Number.isFinite(w)) throw new Error(`hungarianMax: non-finite weight ${w}`)
  }
  if (cols === 0) return new Array<number>(rows).fill(-1)
  // The algorithm wants no more rows than columns; a tall matrix is solved transposed. That is the
  // same as padding to square with zero-weight dummy columns, without paying O(max³) for them.
  const transposed = rows > cols
  const n = transposed ? cols : rows
  const m = transposed ? rows : cols
  const cost = new Float64Array(n * m)
  for (let r = 0; r < rows; r++) {
    const row = weights[r]!
    for (let c = 0; c < cols; c++) {
      // Minimise the negated weights.
      if (transposed) cost[c * m + r] = -row[c]!
      else cost[r * m + c] = -row[c]!
    }
  }
  const match = shortestAugmentingPaths(cost, n, m)
  const result = new Array<number>(rows).fill(-1)
  for (let i = 0; i < n; i++) {
    const j = match[i]!
    if (transposed) result[j] = i
    else result[i] = j
  }
  return result
}

/**
 * Minimum-cost assignment of every row of an n × m (n ≤ m) row-major cost matrix to a distinct
 * column; the column of each row.
 */
function shortestAugmentingPaths(cost: Float64Array, n: number, m: number): Int32Array {
  // 1-based with column 0 as the virtual start of each augmenting path; rowOf[j] = 0 means free.
  const u = new Float64Array(n + 1)
  const v = new Float64Array(m + 1)
  const rowOf = new Int32Array(m + 1)
  const way = new Int32Array(m + 1)
  const minv = new Float64Array(m + 1)
  const used = new Uint8Array(m + 1)
  for (let i = 1; i <= n; i++) {
    rowOf[0] = i
    let j0 = 0
    minv.fill(Infinity)
    used.fill(0)
    do {
      used[j0] = 1
      const i0 = rowOf[j0]!
      const base = (i0 - 1) * m - 1
      const ui0 = u[i0]!
      let delta = Infinity
      let j1 = -1
      for (let j = 1; j <= m; j++) {
        if (used[j]) continue
        const reduced = cost[base + j]! - ui0 - v[j]!
        if (reduced < minv[j]!) {
          minv[j] = reduced
          way[j] = j0
        }
        if (minv[j]! < delta) {
          delta = minv[j]!
          j1 = j
        }
      }
      // Unreachable with finite costs and n ≤ m; guards against an endless loop if that ever breaks.
      if (j1 < 0) throw new Error('hungarianMax: no augmenting path')
      for (let j = 0; j <= m; j++) {
        if (used[j]) {
          u[rowOf[j]!]! += delta
          v[j]! -= delta
        } else minv[j]! -= delta
      }
      j0 = j1
    } while (rowOf[j0] !== 0)
    do {
      const j1 = way[j0]!
      rowOf[j0] = rowOf[j1]!
      j0 = j1
    } while (j0 !== 0)
  }
  const match = new Int32Array(n).fill(-1)
  for (let j = 1; j <= m; j++) if (rowOf[j]! > 0) match[rowOf[j]! - 1] = j - 1
  return match
}

/** Share of items whose cluster maps to their class under the best one-to-one cluster → class matching. */
function matchedAccuracy(table: Contingency): number {
  // Empty input: no item is misassigned, in line with sklearn scoring empty labellings 1.0.
  if (table.n === 0) return 1
  const assignment = hungarianMax(table.counts)
  let matched = 0
  for (let a = 0; a < assignment.length; a++) {
    const b = assignment[a]!
    if (b >= 0) matched += table.counts[a]![b]!
  }
  return matched / table.n
}

/** NMI (arithmetic; Vinh et al. 2010), ARI (Hubert & Arabie 1985) and Hungarian-matched accuracy, as sklearn 1.2. */
export function scoreClusters(predicted: ArrayLike<Label>, truth: ArrayLike<Label>): ClusterScores {
  const table = contingency(predicted, truth)
  return {
    n: table.n,
    k: table.clusterSizes.length,
    classes: table.classSizes.length,
    nmi: normalizedMutualInformation(table),
    ari: adjustedRandIndex(table),
    accuracy: matchedAccuracy(table)
  }
}
