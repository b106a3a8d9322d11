import { ApiError } from '@shared/api/errors'
import type { ClusterStep, Granularity } from './cluster-tickets'
import { clusterTickets, OTHER } from './cluster-tickets'
import { takeRows, vstackCsr } from './linalg/csr'
import type { CsrMatrix } from './linalg/matrix'
import { seededRandom } from './random'
import { hstackRows } from './text/tfidf'
import { fitTicketFeatures } from './text/ticket-features'
import type { AssignmentModel } from './theme-model'
import { assignmentFeatures, assignRows } from './theme-model'

/**
 * Tickets clustered directly at most. Above this a seeded random sample of this many is
 * clustered and the classifier trained on it assigns the rest: the graph steps grow faster than
 * linearly, and a sample of ten thousand already holds every theme of a few hundred tickets or
 * more (see BENCHMARKS.md, 100,000 tickets).
 */
export const SAMPLE_SIZE = 10_000

/** Rows transformed and assigned at a time when the rest of a large workspace is assigned. */
const ASSIGN_CHUNK = 5_000

export type BuildStep = ClusterStep | 'features' | 'assign'

export interface BuildOptions {
  granularity?: Granularity
  seed?: number
  sampleSize?: number
  onProgress?: (step: BuildStep, fraction: number) => void
  /** Checked between steps; the build stops with a `cancelled` error once it is true. */
  isCancelled?: () => boolean
}

export interface BuiltThemes {
  /** Every ticket in the model's feature space (`hstackRows(words, chars)`), in input order. */
  x: CsrMatrix
  /** Cluster of each ticket, 0..count-1 by size; OTHER for the other bucket. */
  clusters: Int32Array
  count: number
  /** Each ticket's score for its cluster (higher: more typical). */
  confidence: Float32Array
  /** The model; its `themeIds` are cluster index + 1 (0: other) until the caller maps them to themes. */
  model: AssignmentModel
  /** Tickets clustered directly (the rest were assigned by the classifier). */
  sampled: number
}

/**
 * Clusters of cleaned ticket texts: features, clustering (of a sample when there are many
 * tickets), assignment of the rest by the classifier. Deterministic for the same texts and options.
 */
export function buildThemes(texts: readonly string[], options: BuildOptions = {}): BuiltThemes {
  const seed = options.seed ?? 1
  const report = (step: BuildStep, fraction: number): void => {
    if (options.isCancelled?.()) throw new ApiError('cancelled', 'Finding themes was cancelled.')
    options.onProgress?.(step, fraction)
  }
  const n = texts.length
  const sampleSize = options.sampleSize ?? SAMPLE_SIZE
  const sample = n > sampleSize ? sampleRows(n, sampleSize, seed) : null
  const sampleTexts = sample ? [...sample].map((i) => texts[i]!) : texts

  report('features', 0)
  const { model: featureModel, features } = fitTicketFeatures(sampleTexts)
  const result = clusterTickets(features, {
    granularity: options.granularity ?? 'normal',
    seed,
    onProgress: report
  })
  const xSample = hstackRows(features.words, features.chars)
  const themeIds = new Int32Array(result.classifier?.model.classes ?? 0)
  result.classifier?.classThemes.forEach((c, k) => (themeIds[k] = c === OTHER ? 0 : c + 1))
  const model: AssignmentModel = {
    features: featureModel,
    classifier: result.classifier?.model ?? {
      classes: 0,
      features: xSample.cols,
      weights: new Float32Array(0),
      bias: new Float32Array(0)
    },
    themeIds
  }

  let x = xSample
  let clusters = result.labels
  let confidence = result.confidence
  if (sample) {
    // The rest, in chunks: transformed into the sample's space and assigned by its classifier.
    const inSample = new Uint8Array(n)
    for (const i of sample) inSample[i] = 1
    const rest: number[] = []
    for (let i = 0; i < n; i++) if (!inSample[i]) rest.push(i)
    const parts: CsrMatrix[] = [xSample]
    const restClusters = new Int32Array(rest.length)
    const restConfidence = new Float32Array(rest.length)
    for (let start = 0; start < rest.length; start += ASSIGN_CHUNK) {
      report('assign', start / rest.length)
      const ids = rest.slice(start, start + ASSIGN_CHUNK)
      const chunk = assignmentFeatures(
        featureModel,
        ids.map((i) => texts[i]!)
      )
      const assigned = assignRows(model, chunk)
      assigned.themeIds.forEach((t, j) => {
        restClusters[start + j] = t - 1
        restConfidence[start + j] = assigned.scores[j]!
      })
      parts.push(chunk)
    }
    // Back to input order: position p of the stacked rows is ticket order[p].
    const order = Int32Array.from([...sample, ...rest])
    const position = new Int32Array(n)
    order.forEach((ticket, p) => (position[ticket] = p))
    x = takeRows(vstackCsr(parts, xSample.cols), position)
    clusters = new Int32Array(n)
    confidence = new Float32Array(n)
    sample.forEach((ticket, j) => {
      clusters[ticket] = result.labels[j]!
      confidence[ticket] = result.confidence[j]!
    })
    rest.forEach((ticket, j) => {
      clusters[ticket] = restClusters[j]!
      confidence[ticket] = restConfidence[j]!
    })
  }
  return { x, clusters, count: result.count, confidence, model, sampled: sample ? sample.length : n }
}

/** `size` of n row indices, chosen at random for a seed, ascending. */
function sampleRows(n: number, size: number, seed: number): Int32Array {
  const random = seededRandom(seed ^ 0x5eed)
  const rows = Int32Array.from({ length: n }, (_, i) => i)
  for (let i = 0; i < size; i++) {
    const j = i + random.int(n - i)
    const t = rows[i]!
    rows[i] = rows[j]!
    rows[j] = t
  }
  return rows.subarray(0, size).sort()
}
