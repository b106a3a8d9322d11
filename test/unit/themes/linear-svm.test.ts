import { describe, expect, it } from 'vitest'
import type { CsrMatrix } from '../../../src/main/core/themes/linalg/matrix'
import type { Random } from '../../../src/main/core/themes/random'
import { seededRandom } from '../../../src/main/core/themes/random'
import {
  EMPTY_CLASS_BIAS,
  decisionScores,
  predict,
  trainBinarySvm,
  trainLinearSvm
} from '../../../src/main/core/themes/classify/linear-svm'
import type { LinearModel } from '../../../src/main/core/themes/classify/linear-svm'

/** Builds an L2-normalised CSR matrix from per-row sparse maps. */
function csr(cols: number, rowMaps: Map<number, number>[]): CsrMatrix {
  const indptr = new Int32Array(rowMaps.length + 1)
  let nnz = 0
  for (const m of rowMaps) nnz += m.size
  const indices = new Int32Array(nnz)
  const data = new Float32Array(nnz)
  let p = 0
  rowMaps.forEach((m, r) => {
    const keys = [...m.keys()].sort((a, b) => a - b)
    let norm = 0
    for (const k of keys) norm += m.get(k)! ** 2
    norm = Math.sqrt(norm) || 1
    for (const k of keys) {
      indices[p] = k
      data[p] = m.get(k)! / norm
      p++
    }
    indptr[r + 1] = p
  })
  return { rows: rowMaps.length, cols, indptr, indices, data }
}

/**
 * Separable-ish synthetic text: every class owns a block of signature features and each row draws
 * several of its class's signatures plus shared background noise.
 */
function syntheticText(
  random: Random,
  rows: number,
  classes: number,
  options: { signaturesPerClass: number; signatureDraws: number; noiseCols: number; noiseDraws: number }
): { x: CsrMatrix; labels: Int32Array } {
  const { signaturesPerClass, signatureDraws, noiseCols, noiseDraws } = options
  const cols = classes * signaturesPerClass + noiseCols
  const labels = new Int32Array(rows)
  const maps: Map<number, number>[] = []
  for (let r = 0; r < rows; r++) {
    const label = random.int(classes)
    labels[r] = label
    const m = new Map<number, number>()
    for (let d = 0; d < signatureDraws; d++) {
      m.set(label * signaturesPerClass + random.int(signaturesPerClass), 1 + random.next())
    }
    for (let d = 0; d < noiseDraws; d++) {
      m.set(classes * signaturesPerClass + random.int(noiseCols), 0.5 + random.next())
    }
    maps.push(m)
  }
  return { x: csr(cols, maps), labels }
}

function rowSlice(x: CsrMatrix, from: number, to: number): CsrMatrix {
  const start = x.indptr[from]!
  const indptr = new Int32Array(to - from + 1)
  for (let r = from; r <= to; r++) indptr[r - from] = x.indptr[r]! - start
  const end = x.indptr[to]!
  return {
    rows: to - from,
    cols: x.cols,
    indptr,
    indices: x.indices.slice(start, end),
    data: x.data.slice(start, end)
  }
}

/** Double-precision w·x_r + b for weights given as a dense vector. */
function dot(x: CsrMatrix, r: number, w: ArrayLike<number>, b: number): number {
  let s = b
  for (let p = x.indptr[r]!; p < x.indptr[r + 1]!; p++) s += w[x.indices[p]!]! * x.data[p]!
  return s
}

function classWeights(model: LinearModel, k: number): Float64Array {
  const w = new Float64Array(model.features)
  for (let f = 0; f < model.features; f++) w[f] = model.weights[f * model.classes + k]!
  return w
}

/** ½(‖w‖² + b²) + C Σ max(0, 1 − y(w·x + b))²: the -B 1 primal, bias regularised. */
function primalObjective(x: CsrMatrix, y: Int8Array, c: number, w: ArrayLike<number>, b: number): number {
  let reg = b * b
  for (let f = 0; f < x.cols; f++) reg += w[f]! ** 2
  let loss = 0
  for (let r = 0; r < x.rows; r++) {
    if (y[r] === 0) continue
    const slack = Math.max(0, 1 - y[r]! * dot(x, r, w, b))
    loss += slack * slack
  }
  return 0.5 * reg + c * loss
}

/** An independent solver: full-batch gradient descent on the smooth primal, step 1 / Lipschitz. */
function primalGradientDescent(
  x: CsrMatrix,
  y: Int8Array,
  c: number,
  iterations: number
): { w: Float64Array; b: number } {
  let lipschitz = 1
  for (let r = 0; r < x.rows; r++) {
    if (y[r] === 0) continue
    let norm = 1
    for (let p = x.indptr[r]!; p < x.indptr[r + 1]!; p++) norm += x.data[p]! ** 2
    lipschitz += 2 * c * norm
  }
  const step = 1 / lipschitz
  const w = new Float64Array(x.cols)
  const grad = new Float64Array(x.cols)
  let b = 0
  for (let it = 0; it < iterations; it++) {
    grad.set(w)
    let gradB = b
    for (let r = 0; r < x.rows; r++) {
      if (y[r] === 0) continue
      const slack = 1 - y[r]! * dot(x, r, w, b)
      if (slack <= 0) continue
      const scale = -2 * c * slack * y[r]!
      for (let p = x.indptr[r]!; p < x.indptr[r + 1]!; p++) grad[x.indices[p]!]! += scale * x.data[p]!
      gradB += scale
    }
    for (let f = 0; f < x.cols; f++) w[f]! -= step * grad[f]!
    b -= step * gradB
  }
  return { w, b }
}

function tinyProblem(seed: number): { x: CsrMatrix; labels: Int32Array } {
  // Overlapping classes so that many rows end up inside the margin (alpha strictly positive).
  return syntheticText(seededRandom(seed), 40, 3, {
    signaturesPerClass: 3,
    signatureDraws: 1,
    noiseCols: 6,
    noiseDraws: 3
  })
}

describe('trainLinearSvm', () => {
  it('separates linearly separable sparse classes and generalises', () => {
    const classes = 8
    const { x, labels } = syntheticText(seededRandom(7), 1200, classes, {
      signaturesPerClass: 40,
      signatureDraws: 4,
      noiseCols: 2000,
      noiseDraws: 12
    })
    const train = rowSlice(x, 0, 900)
    const test = rowSlice(x, 900, 1200)
    const model = trainLinearSvm(train, labels.slice(0, 900), classes, { seed: 3 })
    expect(model.weights.length).toBe(x.cols * classes)

    const fit = predict(model, train)
    for (let r = 0; r < train.rows; r++) expect(fit.labels[r]).toBe(labels[r])

    const held = predict(model, test)
    let correct = 0
    for (let r = 0; r < test.rows; r++) if (held.labels[r] === labels[900 + r]) correct++
    expect(correct / test.rows).toBeGreaterThan(0.95)
    for (let r = 0; r < test.rows; r++) expect(held.margin[r]).toBeGreaterThanOrEqual(0)
  })

  it('matches an independent primal gradient-descent solution to within 1%', () => {
    const { x, labels } = tinyProblem(11)
    for (const c of [0.1, 1, 10]) {
      const tight = trainLinearSvm(x, labels, 3, { c, tolerance: 1e-8, epochs: 100_000, seed: 5 })
      const defaults = trainLinearSvm(x, labels, 3, { c, seed: 5 })
      for (let k = 0; k < 3; k++) {
        const y = Int8Array.from(labels, (l) => (l === k ? 1 : -1))
        const reference = primalGradientDescent(x, y, c, 20_000)
        const optimum = primalObjective(x, y, c, reference.w, reference.b)
        const gap = (model: LinearModel): number =>
          Math.abs(primalObjective(x, y, c, classWeights(model, k), model.bias[k]!) - optimum) / optimum
        // liblinear's default stopping rule (0.1) already lands within 1% of the optimum...
        expect(gap(defaults)).toBeLessThan(0.01)
        // ...and run to a tight tolerance the two solvers agree to many digits.
        expect(gap(tight)).toBeLessThan(1e-6)
      }
    }
  })

  it('reaches a dual solution satisfying the KKT conditions', () => {
    const { x, labels } = tinyProblem(13)
    const c = 2
    const y = Int8Array.from(labels, (l) => (l === 0 ? 1 : -1))
    y[5] = 0 // not trained on
    const sol = trainBinarySvm(x, y, { c, tolerance: 1e-9, epochs: 100_000, seed: 9 })
    expect(sol.converged).toBe(true)
    expect(sol.alpha[5]).toBe(0)

    // The maintained primal vector is exactly Σ α_i y_i x̃_i (x̃ carries the bias feature 1).
    const w = new Float64Array(x.cols)
    let b = 0
    for (let r = 0; r < x.rows; r++) {
      for (let p = x.indptr[r]!; p < x.indptr[r + 1]!; p++)
        w[x.indices[p]!]! += sol.alpha[r]! * y[r]! * x.data[p]!
      b += sol.alpha[r]! * y[r]!
    }
    for (let f = 0; f < x.cols; f++) expect(sol.weights[f]).toBeCloseTo(w[f]!, 9)
    expect(sol.bias).toBeCloseTo(b, 9)

    // Dual gradient G_i = y_i w·x̃_i − 1 + α_i / (2C): zero where α_i > 0, non-negative at α_i = 0.
    let interior = 0
    for (let r = 0; r < x.rows; r++) {
      if (y[r] === 0) continue
      const a = sol.alpha[r]!
      expect(a).toBeGreaterThanOrEqual(0)
      const g = y[r]! * dot(x, r, sol.weights, sol.bias) - 1 + a / (2 * c)
      if (a > 0) {
        interior++
        expect(Math.abs(g)).toBeLessThan(1e-6)
      } else {
        expect(g).toBeGreaterThan(-1e-6)
      }
    }
    expect(interior).toBeGreaterThan(0)
  })

  it('trains only on the given rows and skips −1 labels', () => {
    const { x, labels } = tinyProblem(17)
    const subset = Int32Array.from({ length: 25 }, (_, i) => (i < 10 ? i : i + 5))
    const base = trainLinearSvm(x, labels, 3, { rows: subset, seed: 2 })

    // Rows outside the subset can carry any label without changing the model.
    const scrambled = labels.slice()
    for (let r = 0; r < x.rows; r++) if (!subset.includes(r)) scrambled[r] = (labels[r]! + 1) % 3
    const again = trainLinearSvm(x, scrambled, 3, { rows: subset, seed: 2 })
    expect(again.weights).toEqual(base.weights)
    expect(again.bias).toEqual(base.bias)

    // Labelling the other rows −1 is the same as leaving them out of `rows`.
    const masked = labels.slice()
    for (let r = 0; r < x.rows; r++) if (!subset.includes(r)) masked[r] = -1
    const viaLabels = trainLinearSvm(x, masked, 3, { seed: 2 })
    expect(viaLabels.weights).toEqual(base.weights)
    expect(viaLabels.bias).toEqual(base.bias)

    // And it differs from training on everything.
    const all = trainLinearSvm(x, labels, 3, { seed: 2 })
    expect(all.weights).not.toEqual(base.weights)
  })

  it('gives a class without rows a model that never wins', () => {
    const { x, labels } = tinyProblem(19)
    const model = trainLinearSvm(x, labels, 5, { seed: 1 }) // classes 3 and 4 have no rows
    expect(model.bias[3]).toBe(EMPTY_CLASS_BIAS)
    expect(model.bias[4]).toBe(EMPTY_CLASS_BIAS)
    for (let f = 0; f < x.cols; f++) expect(model.weights[f * 5 + 3]).toBe(0)
    const { labels: predicted } = predict(model, x)
    for (const l of predicted) expect(l).toBeLessThan(3)

    const allMasked = trainLinearSvm(x, new Int32Array(x.rows).fill(-1), 2)
    const scores = decisionScores(allMasked, x)
    for (const s of scores.data) expect(s).toBe(EMPTY_CLASS_BIAS)
  })

  it('is deterministic for a seed', () => {
    const { x, labels } = syntheticText(seededRandom(23), 300, 4, {
      signaturesPerClass: 10,
      signatureDraws: 2,
      noiseCols: 200,
      noiseDraws: 6
    })
    const a = trainLinearSvm(x, labels, 4, { seed: 42 })
    const b = trainLinearSvm(x, labels, 4, { seed: 42 })
    expect(b.weights).toEqual(a.weights)
    expect(b.bias).toEqual(a.bias)
    const other = trainLinearSvm(x, labels, 4, { seed: 43 })
    expect(other.weights).not.toEqual(a.weights)
  })

  it('honours sample weights as per-row costs', () => {
    const { x, labels } = tinyProblem(29)
    const doubled = trainLinearSvm(x, labels, 3, {
      c: 1,
      sampleWeights: new Float32Array(x.rows).fill(2),
      tolerance: 1e-9,
      epochs: 100_000
    })
    const c2 = trainLinearSvm(x, labels, 3, { c: 2, tolerance: 1e-9, epochs: 100_000 })
    for (let i = 0; i < c2.weights.length; i++) expect(doubled.weights[i]).toBeCloseTo(c2.weights[i]!, 4)

    const zeroed = new Float32Array(x.rows).fill(1)
    const dropped = labels.slice()
    for (let r = 0; r < 10; r++) {
      zeroed[r] = 0
      dropped[r] = -1
    }
    expect(trainLinearSvm(x, labels, 3, { sampleWeights: zeroed }).weights).toEqual(
      trainLinearSvm(x, dropped, 3).weights
    )
  })

  it('rejects labels outside the class range', () => {
    const { x, labels } = tinyProblem(31)
    expect(() => trainLinearSvm(x, labels, 2)).toThrow(RangeError)
  })
})

describe('decisionScores and predict', () => {
  it('equal explicit dot products, with the argmax, its score and the runner-up margin', () => {
    const { x, labels } = syntheticText(seededRandom(37), 200, 5, {
      signaturesPerClass: 8,
      signatureDraws: 2,
      noiseCols: 100,
      noiseDraws: 5
    })
    const model = trainLinearSvm(x, labels, 5, { seed: 4 })
    const scores = decisionScores(model, x)
    expect(scores.rows).toBe(x.rows)
    expect(scores.cols).toBe(5)
    const { labels: predicted, margin, score } = predict(model, x)
    for (let r = 0; r < x.rows; r++) {
      const explicit: number[] = []
      for (let k = 0; k < 5; k++) {
        explicit.push(dot(x, r, classWeights(model, k), model.bias[k]!))
        expect(scores.data[r * 5 + k]).toBeCloseTo(explicit[k]!, 5)
      }
      const order = explicit.map((s, k) => ({ s, k })).sort((a, b) => b.s - a.s || a.k - b.k)
      expect(predicted[r]).toBe(order[0]!.k)
      expect(margin[r]).toBeCloseTo(order[0]!.s - order[1]!.s, 5)
      expect(score[r]).toBeCloseTo(order[0]!.s, 5)
    }
  })

  it('agree with explicit dot products across several row blocks', () => {
    const classes = 150 // 2 MB of accumulators hold ~1,750 rows of 150 classes: three blocks here
    const { x } = syntheticText(seededRandom(43), 4000, 10, {
      signaturesPerClass: 5,
      signatureDraws: 3,
      noiseCols: 300,
      noiseDraws: 20
    })
    const random = seededRandom(47)
    const model: LinearModel = {
      classes,
      features: x.cols,
      weights: Float32Array.from({ length: x.cols * classes }, () => random.normal()),
      bias: Float32Array.from({ length: classes }, () => random.normal())
    }
    const scores = decisionScores(model, x)
    const { labels: predicted, margin } = predict(model, x)
    const w = Array.from({ length: classes }, (_, k) => classWeights(model, k))
    let worst = 0
    let wrong = 0
    let marginError = 0
    for (let r = 0; r < x.rows; r++) {
      let best = 0
      let top = -Infinity
      let second = -Infinity
      for (let k = 0; k < classes; k++) {
        const s = dot(x, r, w[k]!, model.bias[k]!)
        worst = Math.max(worst, Math.abs(scores.data[r * classes + k]! - s) / (1 + Math.abs(s)))
        if (s > top) {
          second = top
          top = s
          best = k
        } else if (s > second) second = s
      }
      if (predicted[r] !== best) wrong++
      marginError = Math.max(marginError, Math.abs(margin[r]! - (top - second)))
    }
    expect(worst).toBeLessThan(1e-6)
    expect(wrong).toBe(0)
    expect(marginError).toBeLessThan(1e-5)
  })

  it('rejects a matrix of the wrong width', () => {
    const { x, labels } = tinyProblem(41)
    const model = trainLinearSvm(x, labels, 3)
    expect(() => decisionScores(model, { ...x, cols: x.cols + 1 })).toThrow(RangeError)
  })
})
