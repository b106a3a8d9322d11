/**
 * One-vs-rest linear SVMs for the self-training step: L2-regularised, L2-loss (squared hinge),
 * solved in the dual by coordinate descent as in liblinear's default solver (`-s 1`):
 * Hsieh, Chang, Lin, Keerthi & Sundararajan, "A Dual Coordinate Descent Method for Large-scale
 * Linear SVM", ICML 2008. The bias is liblinear's `-B 1`: a constant extra feature of value 1,
 * so it is regularised together with the weights.
 */

import type { CsrMatrix, DenseMatrix } from '../linalg/matrix'
import { seededRandom } from '../random'

/**
 * A trained one-vs-rest model. Weights are stored feature-major because scoring multiplies each
 * stored value of a sparse row by that feature's weight in every class: that way the run of
 * `classes` weights it reads is contiguous instead of `classes` reads `features` apart.
 */
export interface LinearModel {
  classes: number
  features: number
  /** features × classes, feature-major: the weight of feature f for class k is at f * classes + k. */
  weights: Float32Array
  /** Per class; a class that had no training rows gets EMPTY_CLASS_BIAS so it never wins. */
  bias: Float32Array
}

export interface LinearSvmOptions {
  /** Misclassification cost; liblinear's and scikit-learn's LinearSVC default is 1. */
  c?: number
  /** Maximum passes over the (active) training rows per class. */
  epochs?: number
  /** Stop once the spread of projected gradients in a pass is at most this (liblinear's eps). */
  tolerance?: number
  seed?: number
  /** Rows to train on (default all); rows labelled below zero are skipped either way. */
  rows?: Int32Array
  /** Per-row cost multipliers (C_i = c × weight); rows with a weight of zero or less are skipped. */
  sampleWeights?: Float32Array
}

/** The dual solution of one binary problem, for callers that need to check or reuse it. */
export interface BinarySvmSolution {
  /** x.cols weights, in double precision. */
  weights: Float64Array
  bias: number
  /** One dual variable per row of x; zero for rows not trained on. */
  alpha: Float64Array
  /** Passes taken, counting shrunk and unshrunk passes alike. */
  epochs: number
  /** Whether the tolerance was reached before the epoch limit. */
  converged: boolean
}

/** The bias given to a class without training rows: far below any reachable score. */
export const EMPTY_CLASS_BIAS = -1e9

const DEFAULT_C = 1
const DEFAULT_EPOCHS = 30
const DEFAULT_TOLERANCE = 0.1
const DEFAULT_SEED = 1

/** The rows a problem trains on, with everything per row that does not depend on the class. */
interface TrainingSet {
  /** Row of x for each training index. */
  rows: Int32Array
  /** 1 / (2 C_i): the diagonal the L2 loss adds to the dual Hessian. */
  diag: Float64Array
  /** ‖x_i‖² + 1 (bias feature) + diag_i: the dual Hessian's diagonal. */
  qd: Float64Array
}

/** Scratch reused across the classes so that training allocates once. */
interface Workspace {
  w: Float64Array
  alpha: Float64Array
  index: Int32Array
}

interface SolveResult {
  bias: number
  epochs: number
  converged: boolean
}

function buildTrainingSet(
  x: CsrMatrix,
  include: (row: number) => boolean,
  c: number,
  candidates: Int32Array | undefined,
  sampleWeights: Float32Array | undefined
): TrainingSet {
  if (!(c > 0)) throw new RangeError(`C must be positive, got ${c}`)
  if (sampleWeights && sampleWeights.length !== x.rows) {
    throw new RangeError(`sampleWeights has ${sampleWeights.length} entries for ${x.rows} rows`)
  }
  const count = candidates ? candidates.length : x.rows
  const rows = new Int32Array(count)
  const diag = new Float64Array(count)
  const qd = new Float64Array(count)
  const { indptr, data } = x
  let n = 0
  for (let t = 0; t < count; t++) {
    const row = candidates ? candidates[t]! : t
    if (row < 0 || row >= x.rows) throw new RangeError(`Training row ${row} outside 0..${x.rows - 1}`)
    if (!include(row)) continue
    const cost = sampleWeights ? c * sampleWeights[row]! : c
    if (!(cost > 0)) continue
    let norm = 1
    for (let p = indptr[row]!, end = indptr[row + 1]!; p < end; p++) norm += data[p]! * data[p]!
    rows[n] = row
    diag[n] = 1 / (2 * cost)
    qd[n] = norm + diag[n]!
    n++
  }
  return { rows: rows.slice(0, n), diag: diag.slice(0, n), qd: qd.slice(0, n) }
}

/**
 * Dual coordinate descent with liblinear's shrinking. Leaves the weights in work.w and the dual
 * variables in work.alpha (both overwritten); y holds ±1 per training index.
 */
function solveDual(
  x: CsrMatrix,
  set: TrainingSet,
  y: Int8Array,
  work: Workspace,
  maxEpochs: number,
  tolerance: number,
  seed: number
): SolveResult {
  const { indptr, indices, data } = x
  const { rows, diag, qd } = set
  const { w, alpha, index } = work
  const n = rows.length
  const random = seededRandom(seed)
  w.fill(0)
  alpha.fill(0, 0, n)
  for (let i = 0; i < n; i++) index[i] = i
  let bias = 0
  let active = n
  // Rows at zero whose gradient exceeds last pass's largest projected gradient are unlikely to
  // move again, so they sit out until the active set converges (then everything is rechecked).
  // (liblinear's matching lower-bound bookkeeping is dropped: the L2 loss has no upper bound on α.)
  let pgMaxOld = Infinity
  let epoch = 0
  let converged = false
  while (epoch < maxEpochs) {
    epoch++
    for (let s = 0; s < active; s++) {
      const t = s + random.int(active - s)
      const swap = index[s]!
      index[s] = index[t]!
      index[t] = swap
    }
    let pgMaxNew = -Infinity
    let pgMinNew = Infinity
    let s = 0
    while (s < active) {
      const i = index[s]!
      const row = rows[i]!
      const start = indptr[row]!
      const end = indptr[row + 1]!
      let dot = bias
      for (let p = start; p < end; p++) dot += w[indices[p]!]! * data[p]!
      const yi = y[i]!
      const a = alpha[i]!
      const g = yi * dot - 1 + a * diag[i]!
      let pg = g
      if (a === 0) {
        if (g > pgMaxOld) {
          active--
          index[s] = index[active]!
          index[active] = i
          continue
        }
        if (g > 0) pg = 0
      }
      if (pg > pgMaxNew) pgMaxNew = pg
      if (pg < pgMinNew) pgMinNew = pg
      // Skipping vanishing steps saves the O(nnz) update where it could not change anything.
      if (pg > 1e-12 || pg < -1e-12) {
        const next = Math.max(a - g / qd[i]!, 0)
        alpha[i] = next
        const d = (next - a) * yi
        for (let p = start; p < end; p++) w[indices[p]!]! += d * data[p]!
        bias += d
      }
      s++
    }
    if (pgMaxNew - pgMinNew <= tolerance) {
      if (active === n) {
        converged = true
        break
      }
      active = n
      pgMaxOld = Infinity
      continue
    }
    pgMaxOld = pgMaxNew <= 0 ? Infinity : pgMaxNew
  }
  return { bias, epochs: epoch, converged }
}

function seedFor(seed: number, cls: number): number {
  // Each class gets its own stream so that a class's model does not depend on the others'.
  return (seed + Math.imul(cls + 1, 0x9e3779b9)) >>> 0
}

function resolve(options: LinearSvmOptions | undefined): {
  c: number
  epochs: number
  tolerance: number
  seed: number
} {
  const epochs = options?.epochs ?? DEFAULT_EPOCHS
  if (!(epochs >= 1)) throw new RangeError(`epochs must be at least 1, got ${epochs}`)
  return {
    c: options?.c ?? DEFAULT_C,
    epochs,
    tolerance: options?.tolerance ?? DEFAULT_TOLERANCE,
    seed: options?.seed ?? DEFAULT_SEED
  }
}

/** A binary L2-loss SVM (y = ±1, 0 skips) by dual coordinate descent (Hsieh et al. 2008), with its duals. */
export function trainBinarySvm(
  x: CsrMatrix,
  y: Int8Array,
  options?: Omit<LinearSvmOptions, 'rows'>
): BinarySvmSolution {
  if (y.length !== x.rows) throw new RangeError(`y has ${y.length} entries for ${x.rows} rows`)
  const { c, epochs, tolerance, seed } = resolve(options)
  const set = buildTrainingSet(x, (row) => y[row] !== 0, c, undefined, options?.sampleWeights)
  const n = set.rows.length
  const signs = new Int8Array(n)
  for (let i = 0; i < n; i++) signs[i] = y[set.rows[i]!]! > 0 ? 1 : -1
  const work: Workspace = {
    w: new Float64Array(x.cols),
    alpha: new Float64Array(n),
    index: new Int32Array(n)
  }
  const result = solveDual(x, set, signs, work, epochs, tolerance, seed)
  const alpha = new Float64Array(x.rows)
  for (let i = 0; i < n; i++) alpha[set.rows[i]!] = work.alpha[i]!
  return { weights: work.w, bias: result.bias, alpha, epochs: result.epochs, converged: result.converged }
}

/** One-vs-rest L2-loss linear SVMs by dual coordinate descent (Hsieh et al. 2008; liblinear -s 1 -B 1). */
export function trainLinearSvm(
  x: CsrMatrix,
  labels: Int32Array,
  classes: number,
  options?: LinearSvmOptions
): LinearModel {
  if (labels.length !== x.rows) throw new RangeError(`labels has ${labels.length} entries for ${x.rows} rows`)
  if (!Number.isInteger(classes) || classes < 0) throw new RangeError(`Invalid class count ${classes}`)
  for (let r = 0; r < labels.length; r++) {
    if (labels[r]! >= classes) throw new RangeError(`Label ${labels[r]} of row ${r} is not below ${classes}`)
  }
  const { c, epochs, tolerance, seed } = resolve(options)
  const set = buildTrainingSet(x, (row) => labels[row]! >= 0, c, options?.rows, options?.sampleWeights)
  const n = set.rows.length
  const trainLabels = new Int32Array(n)
  const positives = new Int32Array(classes)
  for (let i = 0; i < n; i++) {
    const label = labels[set.rows[i]!]!
    trainLabels[i] = label
    positives[label]!++
  }
  const features = x.cols
  const weights = new Float32Array(features * classes)
  const bias = new Float32Array(classes)
  const work: Workspace = {
    w: new Float64Array(features),
    alpha: new Float64Array(n),
    index: new Int32Array(n)
  }
  const y = new Int8Array(n)
  for (let k = 0; k < classes; k++) {
    if (positives[k] === 0) {
      bias[k] = EMPTY_CLASS_BIAS
      continue
    }
    for (let i = 0; i < n; i++) y[i] = trainLabels[i] === k ? 1 : -1
    const result = solveDual(x, set, y, work, epochs, tolerance, seedFor(seed, k))
    const w = work.w
    for (let f = 0, o = k; f < features; f++, o += classes) weights[o] = w[f]!
    bias[k] = result.bias
  }
  return { classes, features, weights, bias }
}

/**
 * Size of a block's double accumulators (block rows × classes). Bigger blocks read each feature's
 * weights for more rows at once; smaller ones keep the accumulators in cache. Two megabytes (about
 * 1,700 rows at 150 classes) measured best among 1–8 MB on 100,000 rows × 150 classes.
 */
const SCORE_BLOCK_BYTES = 1 << 21

function checkShape(model: LinearModel, x: CsrMatrix): void {
  if (x.cols !== model.features) {
    throw new RangeError(`Matrix has ${x.cols} columns but the model has ${model.features} features`)
  }
}

/**
 * Hands each block of rows' scores (bias included, block rows × classes, double precision) to
 * `emit`. Within a block the stored values are regrouped by feature (a counting sort), so each
 * feature's run of class weights is read once per block and the weight matrix, far larger than
 * any cache, is swept in address order instead of jumped around once per stored value (the naive
 * row-by-row loop waits on memory and took about twice as long).
 */
function scoreInBlocks(
  model: LinearModel,
  x: CsrMatrix,
  emit: (first: number, end: number, acc: Float64Array) => void
): void {
  checkShape(model, x)
  const { classes, features, weights } = model
  if (classes === 0 || x.rows === 0) return
  const { indptr, indices, data } = x
  const blockRows = Math.max(1, Math.floor(SCORE_BLOCK_BYTES / (8 * classes)))
  let maxNnz = 0
  for (let first = 0; first < x.rows; first += blockRows) {
    const end = Math.min(x.rows, first + blockRows)
    maxNnz = Math.max(maxNnz, indptr[end]! - indptr[first]!)
  }
  const bias = Float64Array.from(model.bias)
  // After the scatter, featureEnd[f] is where feature f's entries stop (and f + 1's begin).
  const featureEnd = new Int32Array(features + 1)
  const entryOffset = new Int32Array(maxNnz)
  const entryValue = new Float32Array(maxNnz)
  const acc = new Float64Array(Math.min(blockRows, x.rows) * classes)
  for (let first = 0; first < x.rows; first += blockRows) {
    const end = Math.min(x.rows, first + blockRows)
    const p0 = indptr[first]!
    const p1 = indptr[end]!
    featureEnd.fill(0)
    for (let p = p0; p < p1; p++) featureEnd[indices[p]! + 1]!++
    for (let f = 0; f < features; f++) featureEnd[f + 1]! += featureEnd[f]!
    for (let r = first, o = 0; r < end; r++, o += classes) {
      for (let p = indptr[r]!, stop = indptr[r + 1]!; p < stop; p++) {
        const q = featureEnd[indices[p]!]!++
        entryOffset[q] = o
        entryValue[q] = data[p]!
      }
    }
    for (let o = 0, stop = (end - first) * classes; o < stop; o += classes) acc.set(bias, o)
    let q = 0
    for (let f = 0; f < features; f++) {
      const stop = featureEnd[f]!
      if (q === stop) continue
      const base = f * classes
      // Up to four rows per weight load: the loop is bound by loads, and sharing each weight across
      // the rows that contain the feature cuts the time per multiply-add by up to half.
      for (; q + 3 < stop; q += 4) {
        const v1 = entryValue[q]!
        const v2 = entryValue[q + 1]!
        const v3 = entryValue[q + 2]!
        const v4 = entryValue[q + 3]!
        const o1 = entryOffset[q]!
        const o2 = entryOffset[q + 1]!
        const o3 = entryOffset[q + 2]!
        const o4 = entryOffset[q + 3]!
        for (let k = 0; k < classes; k++) {
          const w = weights[base + k]!
          acc[o1 + k]! += v1 * w
          acc[o2 + k]! += v2 * w
          acc[o3 + k]! += v3 * w
          acc[o4 + k]! += v4 * w
        }
      }
      if (q + 1 < stop) {
        const v1 = entryValue[q]!
        const v2 = entryValue[q + 1]!
        const o1 = entryOffset[q]!
        const o2 = entryOffset[q + 1]!
        for (let k = 0; k < classes; k++) {
          const w = weights[base + k]!
          acc[o1 + k]! += v1 * w
          acc[o2 + k]! += v2 * w
        }
        q += 2
      }
      if (q < stop) {
        const v = entryValue[q]!
        const o = entryOffset[q]!
        for (let k = 0; k < classes; k++) acc[o + k]! += v * weights[base + k]!
        q++
      }
    }
    emit(first, end, acc)
  }
}

/** Decision scores w_k·x + b_k per row and class (row-blocked sparse × feature-major dense product). */
export function decisionScores(model: LinearModel, x: CsrMatrix): DenseMatrix {
  const { classes } = model
  const out = new Float32Array(x.rows * classes)
  scoreInBlocks(model, x, (first, end, acc) => {
    out.set(acc.subarray(0, (end - first) * classes), first * classes)
  })
  return { rows: x.rows, cols: classes, data: out }
}

/** One-vs-rest prediction: argmax of the decision scores and its margin over the runner-up. */
export function predict(
  model: LinearModel,
  x: CsrMatrix
): { labels: Int32Array; margin: Float32Array; score: Float32Array } {
  // Ties go to the lower class; one class gives a margin of +∞, and no classes label −1 (margin NaN).
  const { classes } = model
  const labels = new Int32Array(x.rows).fill(-1)
  const margin = new Float32Array(x.rows).fill(NaN)
  const score = new Float32Array(x.rows).fill(NaN)
  scoreInBlocks(model, x, (first, end, acc) => {
    for (let r = first, o = 0; r < end; r++, o += classes) {
      let best = 0
      let top = acc[o]!
      let second = -Infinity
      for (let k = 1; k < classes; k++) {
        const score = acc[o + k]!
        if (score > top) {
          second = top
          top = score
          best = k
        } else if (score > second) {
          second = score
        }
      }
      labels[r] = best
      margin[r] = top - second
      score[r] = top
    }
  })
  return { labels, margin, score }
}
