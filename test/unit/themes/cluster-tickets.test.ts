import { describe, expect, it } from 'vitest'
import { OTHER, clusterTickets } from '../../../src/main/core/themes/cluster-tickets'
import { seededRandom } from '../../../src/main/core/themes/random'
import { scoreClusters } from '../../../src/main/core/themes/scoring/cluster-scores'
import { cleanTicketText } from '../../../src/main/core/themes/text/clean-ticket'
import { fitTicketFeatures } from '../../../src/main/core/themes/text/ticket-features'

/**
 * Complaint topics as the words their tickets use: each ticket says a few of its topic's words
 * in random order among common ones, so no two tickets need be alike but a topic's tickets share
 * vocabulary — English and Chinese in one corpus.
 */
const TOPICS: Record<string, string[]> = {
  card: ['card', 'arrived', 'delivery', 'waiting', 'post', 'new', 'sent', 'mail'],
  refund: ['refund', 'charged', 'twice', 'duplicate', 'payment', 'money', 'back', 'charge'],
  login: ['login', 'password', 'locked', 'app', 'reset', 'sign', 'account', 'code'],
  退款: ['退款', '到账', '扣款', '重复', '申请', '钱', '退回', '银行卡'],
  物流: ['快递', '物流', '发货', '包裹', '地址', '送到', '慢', '更新']
}

const COMMON = ['please', 'help', 'today', 'still', 'again', 'why', 'urgent', '谢谢', '急', '还是', '今天']

function corpus(perTopic: number, seed: number): { texts: string[]; truth: string[] } {
  const random = seededRandom(seed)
  const texts: string[] = []
  const truth: string[] = []
  for (const [topic, words] of Object.entries(TOPICS)) {
    for (let i = 0; i < perTopic; i++) {
      const picked: string[] = []
      const count = 3 + random.int(3)
      for (let w = 0; w < count; w++) picked.push(words[random.int(words.length)]!)
      for (let w = random.int(3); w > 0; w--) picked.push(COMMON[random.int(COMMON.length)]!)
      texts.push(cleanTicketText(null, picked.join(' ')))
      truth.push(topic)
    }
  }
  return { texts, truth }
}

describe('clustering tickets into themes', () => {
  it('finds the complaint topics of a mixed English and Chinese corpus, the same way every time', () => {
    const { texts, truth } = corpus(60, 7)
    const { features } = fitTicketFeatures(texts)
    const first = clusterTickets(features, { seed: 3 })
    const score = scoreClusters(first.labels, truth)
    expect(score.nmi).toBeGreaterThanOrEqual(0.8)
    expect(first.count).toBeGreaterThanOrEqual(4)
    expect(first.count).toBeLessThanOrEqual(12)
    // Labels are 0..count-1 by descending size.
    const sizes = Array.from({ length: first.count }, (_, c) => first.labels.filter((l) => l === c).length)
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a))
    expect(first.labels.every((l) => l === OTHER || (l >= 0 && l < first.count))).toBe(true)
    expect(first.confidence.every((c) => Number.isFinite(c))).toBe(true)

    const again = clusterTickets(fitTicketFeatures(texts).features, { seed: 3 })
    expect(Array.from(again.labels)).toEqual(Array.from(first.labels))
  })

  it('gives an empty result for no tickets and a defined one for a handful', () => {
    const none = clusterTickets(fitTicketFeatures([]).features)
    expect(none.count).toBe(0)
    expect(none.labels).toHaveLength(0)
    const few = clusterTickets(
      fitTicketFeatures(['card not arrived', 'card not arrived yet', 'refund']).features
    )
    expect(few.labels).toHaveLength(3)
    expect(Array.from(few.confidence).every((c) => !Number.isNaN(c))).toBe(true)
  })
})
