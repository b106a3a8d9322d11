import { deflateSync, inflateSync } from 'node:zlib'
import type { LinearModel } from './classify/linear-svm'
import { predict } from './classify/linear-svm'
import type { CsrMatrix } from './linalg/matrix'
import { hstackRows } from './text/tfidf'
import type { TicketFeatureModel } from './text/ticket-features'
import { transformTicketFeatures } from './text/ticket-features'
import type { CharGramSpec } from './text/tokens'

/**
 * What a clustering run leaves behind to assign tickets imported after it without a re-run: the
 * feature space the themes were found in and the classifier that drew their borders, its classes
 * mapped to theme ids.
 */
export interface AssignmentModel {
  features: TicketFeatureModel
  classifier: LinearModel
  /** Theme id of each class; 0 for a class that is no theme (its tickets go to the other bucket). */
  themeIds: Int32Array
}

/** The other bucket's id in an assignment: no theme. */
export const NO_THEME = 0

/**
 * Weights kept per class when the model is stored: the largest ones carry the decision. On
 * BANKING77 (12,101 word and character columns, 70 themes) the pruned model assigns 99.93% of
 * the tickets as the full one does, and the stored model is 1.2 MB (deflated JSON) instead of
 * the 3.4 MB its dense weights take.
 */
export const KEPT_WEIGHTS_PER_CLASS = 3000

/** The features of cleaned texts in a model's space, as the classifier reads them. */
export function assignmentFeatures(model: TicketFeatureModel, texts: readonly string[]): CsrMatrix {
  const f = transformTicketFeatures(model, texts)
  return hstackRows(f.words, f.chars)
}

/** Theme ids (NO_THEME for the other bucket) and scores of cleaned ticket texts. */
export function assignTexts(
  model: AssignmentModel,
  texts: readonly string[]
): { themeIds: Int32Array; scores: Float32Array } {
  return assignRows(model, assignmentFeatures(model.features, texts))
}

/** Theme ids and scores of rows already in the model's space. */
export function assignRows(
  model: AssignmentModel,
  x: CsrMatrix
): { themeIds: Int32Array; scores: Float32Array } {
  const themeIds = new Int32Array(x.rows)
  const scores = new Float32Array(x.rows)
  if (model.classifier.classes === 0) return { themeIds, scores }
  const predicted = predict(model.classifier, x)
  for (let i = 0; i < x.rows; i++) {
    const k = predicted.labels[i]!
    themeIds[i] = k >= 0 ? (model.themeIds[k] ?? NO_THEME) : NO_THEME
    const s = predicted.score[i]!
    scores[i] = Number.isFinite(s) ? s : 0
  }
  return { themeIds, scores }
}

/** The classifier with all but each class's largest weights set to zero. */
export function pruneWeights(model: LinearModel, keep = KEPT_WEIGHTS_PER_CLASS): LinearModel {
  const { classes, features } = model
  const weights = new Float32Array(model.weights.length)
  if (features <= keep) {
    weights.set(model.weights)
    return { ...model, weights }
  }
  const magnitudes = new Float32Array(features)
  for (let k = 0; k < classes; k++) {
    for (let f = 0; f < features; f++) magnitudes[f] = Math.abs(model.weights[f * classes + k]!)
    const cut = kthLargest(magnitudes, keep)
    let kept = 0
    for (let f = 0; f < features && kept < keep; f++) {
      if (magnitudes[f]! >= cut && magnitudes[f]! > 0) {
        weights[f * classes + k] = model.weights[f * classes + k]!
        kept++
      }
    }
  }
  return { classes, features, weights, bias: Float32Array.from(model.bias) }
}

/** The k-th largest value (1-based) of an array, by selecting on a copy. */
function kthLargest(values: Float32Array, k: number): number {
  const copy = Float32Array.from(values).sort()
  return copy[Math.max(0, copy.length - k)]!
}

const FORMAT_VERSION = 1

interface StoredModel {
  version: number
  charGrams: CharGramSpec
  words: string[]
  wordIdf: string
  charHashes: string
  charIdf: string
  classes: number
  features: number
  themeIds: number[]
  bias: string
  /** Nonzero weights: their positions (feature × classes + class) and values. */
  positions: string
  values: string
}

const b64 = (a: ArrayBufferView): string =>
  Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64')

function fromB64<T extends Float32Array | Float64Array | Int32Array>(
  text: string,
  make: new (buffer: ArrayBuffer) => T
): T {
  const bytes = Buffer.from(text, 'base64')
  const copy = new ArrayBuffer(bytes.byteLength)
  new Uint8Array(copy).set(bytes)
  return new make(copy)
}

/**
 * The model as a compressed blob for the workspace (theme_runs.model), weights pruned. A model
 * that used a Chinese segmenter for words cannot be stored: the themes cluster without one.
 */
export function serializeModel(model: AssignmentModel): Buffer {
  if (model.features.segment) throw new Error('A model with a word segmenter cannot be stored')
  const pruned = pruneWeights(model.classifier)
  const positions: number[] = []
  const values: number[] = []
  pruned.weights.forEach((w, i) => {
    if (w !== 0) {
      positions.push(i)
      values.push(w)
    }
  })
  const words = [...model.features.words.columns.entries()].sort((a, b) => a[1] - b[1]).map(([t]) => t)
  const chars = [...model.features.chars.columns.entries()].sort((a, b) => a[1] - b[1]).map(([h]) => h)
  const stored: StoredModel = {
    version: FORMAT_VERSION,
    charGrams: model.features.charGrams,
    words,
    wordIdf: b64(model.features.words.idf),
    charHashes: b64(Float64Array.from(chars)),
    charIdf: b64(model.features.chars.idf),
    classes: pruned.classes,
    features: pruned.features,
    themeIds: [...model.themeIds],
    bias: b64(pruned.bias),
    positions: b64(Int32Array.from(positions)),
    values: b64(Float32Array.from(values))
  }
  return deflateSync(Buffer.from(JSON.stringify(stored), 'utf8'))
}

/** A stored model back; throws when the blob is not one this version can read. */
export function deserializeModel(blob: Uint8Array): AssignmentModel {
  const stored = JSON.parse(inflateSync(blob).toString('utf8')) as StoredModel
  if (stored.version !== FORMAT_VERSION) throw new Error(`Unknown theme model version ${stored.version}`)
  const charHashes = fromB64(stored.charHashes, Float64Array)
  const weights = new Float32Array(stored.features * stored.classes)
  const positions = fromB64(stored.positions, Int32Array)
  const values = fromB64(stored.values, Float32Array)
  positions.forEach((p, i) => (weights[p] = values[i]!))
  const bias = fromB64(stored.bias, Float32Array)
  return {
    features: {
      words: {
        columns: new Map(stored.words.map((t, i) => [t, i])),
        idf: fromB64(stored.wordIdf, Float32Array)
      },
      chars: {
        columns: new Map([...charHashes].map((h, i) => [h, i])),
        idf: fromB64(stored.charIdf, Float32Array)
      },
      charGrams: stored.charGrams
    },
    classifier: { classes: stored.classes, features: stored.features, weights, bias },
    themeIds: Int32Array.from(stored.themeIds)
  }
}
