import { deflateSync, inflateSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { trainLinearSvm } from '../../../src/main/core/themes/classify/linear-svm'
import { hstackRows } from '../../../src/main/core/themes/text/tfidf'
import { fitTicketFeatures } from '../../../src/main/core/themes/text/ticket-features'
import {
  assignTexts,
  deserializeModel,
  NO_THEME,
  pruneWeights,
  serializeModel
} from '../../../src/main/core/themes/theme-model'
import type { AssignmentModel } from '../../../src/main/core/themes/theme-model'
import { themeCorpus } from '../../helpers/theme-corpus'

const corpus = themeCorpus(40)
const topics = [...new Set(corpus.map((t) => t.topic))]

function trained(): AssignmentModel {
  const texts = corpus.map((t) => t.text.toLowerCase())
  const { model, features } = fitTicketFeatures(texts)
  const x = hstackRows(features.words, features.chars)
  const labels = Int32Array.from(corpus, (t) => topics.indexOf(t.topic))
  const classifier = trainLinearSvm(x, labels, topics.length, { seed: 1 })
  // Theme ids 101.. for the topics; the last topic's class is "no theme" (the other bucket).
  const themeIds = Int32Array.from(topics, (_, k) => (k === topics.length - 1 ? NO_THEME : 101 + k))
  return { features: model, classifier, themeIds }
}

describe('the stored assignment model', () => {
  it('assigns new tickets of each topic to its theme', () => {
    const model = trained()
    const fresh = themeCorpus(10, 42, 9000)
    const { themeIds } = assignTexts(
      model,
      fresh.map((t) => t.text.toLowerCase())
    )
    let right = 0
    fresh.forEach((t, i) => {
      const k = topics.indexOf(t.topic)
      if (themeIds[i] === (k === topics.length - 1 ? NO_THEME : 101 + k)) right++
    })
    expect(right / fresh.length).toBeGreaterThan(0.95)
  })

  it('survives serialisation: the stored model assigns as the pruned one does', () => {
    const model = trained()
    const blob = serializeModel(model)
    const back = deserializeModel(blob)
    const texts = themeCorpus(10, 7, 9000).map((t) => t.text.toLowerCase())
    const pruned = assignTexts({ ...model, classifier: pruneWeights(model.classifier) }, texts)
    const stored = assignTexts(back, texts)
    expect([...stored.themeIds]).toEqual([...pruned.themeIds])
    for (let i = 0; i < texts.length; i++) expect(stored.scores[i]).toBeCloseTo(pruned.scores[i]!, 5)
    expect([...back.themeIds]).toEqual([...model.themeIds])
  })

  it('keeps only the largest weights per class when pruning', () => {
    const model = trained().classifier
    const pruned = pruneWeights(model, 10)
    for (let k = 0; k < model.classes; k++) {
      const kept: number[] = []
      const all: number[] = []
      for (let f = 0; f < model.features; f++) {
        all.push(Math.abs(model.weights[f * model.classes + k]!))
        const w = pruned.weights[f * model.classes + k]!
        if (w !== 0) {
          expect(w).toBe(model.weights[f * model.classes + k])
          kept.push(Math.abs(w))
        }
      }
      expect(kept.length).toBe(10)
      const tenth = all.sort((a, b) => b - a)[9]!
      expect(Math.min(...kept)).toBeGreaterThanOrEqual(tenth)
    }
  })

  it('refuses a blob of another format version', () => {
    const blob = serializeModel(trained())
    const json = JSON.parse(inflateSync(blob).toString('utf8')) as { version: number }
    json.version = 99
    expect(() => deserializeModel(deflateSync(Buffer.from(JSON.stringify(json))))).toThrow(/version 99/)
  })
})
