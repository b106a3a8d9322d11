import { describe, expect, it } from 'vitest'
import { seededRandom } from '../../../src/main/core/themes/random'
import { fitTicketFeatures } from '../../../src/main/core/themes/text/ticket-features'
import { documentVectors, learnWordVectors } from '../../../src/main/core/themes/text/word-vectors'

/** Tickets in which "arrived" and "delivered" are used alike and "refund" elsewhere. */
function corpus(): string[] {
  const random = seededRandom(11)
  const pick = (xs: readonly string[]): string => xs[random.int(xs.length)]!
  const texts: string[] = []
  for (let i = 0; i < 300; i++) {
    if (i % 2 === 0)
      texts.push(
        `my ${pick(['card', 'parcel', 'statement'])} has not ${pick(['arrived', 'delivered'])} ${pick(['yet', 'today', 'still'])}`
      )
    else
      texts.push(
        `${pick(['want', 'need', 'request'])} a ${pick(['refund', 'chargeback'])} for the ${pick(['duplicate', 'wrong'])} payment`
      )
  }
  return texts
}

const cosine = (a: Float32Array, b: Float32Array): number => {
  let dot = 0
  let na = 0
  let nb = 0
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!
    na += a[i]! * a[i]!
    nb += b[i]! * b[i]!
  }
  return dot / Math.sqrt(na * nb)
}

describe('word vectors from the workspace’s own text', () => {
  it('puts words used in the same contexts close together', () => {
    const texts = corpus()
    const { model, features } = fitTicketFeatures(texts)
    const vectors = learnWordVectors(features.sequences, features.words.cols, { dimensions: 8 })
    const row = (term: string): Float32Array => {
      const c = model.words.columns.get(term)
      if (c === undefined) throw new Error(`no column for ${term}`)
      return vectors.data.subarray(c * vectors.cols, (c + 1) * vectors.cols)
    }
    expect(cosine(row('arriv'), row('deliv'))).toBeGreaterThan(0.8)
    expect(cosine(row('arriv'), row('deliv'))).toBeGreaterThan(cosine(row('arriv'), row('refund')) + 0.5)
    expect(cosine(row('refund'), row('chargeback'))).toBeGreaterThan(0.8)
  })

  it('makes paraphrases near in the document vectors, and is deterministic', () => {
    const texts = corpus()
    const { features } = fitTicketFeatures(texts)
    const vectors = learnWordVectors(features.sequences, features.words.cols, { dimensions: 8 })
    const docs = documentVectors(features.words, vectors)
    const doc = (i: number): Float32Array => docs.data.subarray(i * docs.cols, (i + 1) * docs.cols)
    const arrived = texts.findIndex((t) => t.includes('arrived'))
    const delivered = texts.findIndex((t) => t.includes('delivered'))
    const refund = texts.findIndex((t) => t.includes('refund'))
    expect(cosine(doc(arrived), doc(delivered))).toBeGreaterThan(cosine(doc(arrived), doc(refund)))
    const again = learnWordVectors(features.sequences, features.words.cols, { dimensions: 8 })
    expect(Array.from(again.data)).toEqual(Array.from(vectors.data))
    expect(docs.data.every((v) => Number.isFinite(v))).toBe(true)
  })
})
