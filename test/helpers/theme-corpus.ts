import type { Db } from '../../src/main/core/store/sqlite'
import { createImportBatch } from '../../src/main/core/store/repositories/import-batches'
import { insertTickets } from '../../src/main/core/store/repositories/tickets'
import type { TicketRow } from '../../src/main/core/store/repositories/tickets'

/**
 * A small synthetic complaint corpus for tests of the themes' life cycle: topics with their own
 * vocabulary, written as varied sentences (a seeded generator, so every run writes the same
 * tickets), in English and Chinese. Its truth is returned to the test, never stored.
 */
const TOPICS: Record<string, { words: string[]; frames: string[] }> = {
  refund: {
    words: ['refund', 'money back', 'refunded', 'reimbursement', 'returned item', 'credit card statement'],
    frames: [
      'still waiting for my {w} after {n} days',
      'where is my {w}? the {w} never arrived',
      'the {w} was promised but I have no {w} yet'
    ]
  },
  delivery: {
    words: ['parcel', 'delivery', 'courier', 'tracking number', 'package', 'shipment'],
    frames: [
      'my {w} is late by {n} days',
      'the {w} shows no update and the {w} never came',
      'no {w} today, the {w} is stuck'
    ]
  },
  login: {
    words: ['password', 'login', 'verification code', 'sms code', 'sign in', 'two factor'],
    frames: [
      'cannot {w}, the {w} does not work',
      'the {w} never arrives so I cannot {w}',
      'locked out: {w} rejected {n} times'
    ]
  },
  crash: {
    words: ['app crashes', 'app freezes', 'blank screen', 'update', 'reinstall', 'android phone'],
    frames: [
      'the {w} every time I open it since the {w}',
      'after the {w} I get a {w}',
      '{w} again, I tried to {w} {n} times'
    ]
  },
  voucher: {
    words: ['voucher', 'coupon', 'promo code', 'discount', 'checkout', 'code expired'],
    frames: [
      'the {w} is not applied at {w}',
      'my {w} says {w} but it is valid',
      'tried the {w} {n} times, no {w}'
    ]
  },
  seller: {
    words: ['seller', 'shop owner', 'store', 'reply', 'message', 'chat'],
    frames: [
      'the {w} does not answer my {w}',
      'sent the {w} {n} messages and no {w}',
      'the {w} ignores every {w}'
    ]
  },
  退款: {
    words: ['退款', '退钱', '退货', '银行卡', '到账', '退款进度'],
    frames: ['我的{w}还没有{w}，已经{n}天了', '{w}一直显示处理中，{w}在哪里', '申请{w}以后{w}没有消息']
  },
  物流: {
    words: ['快递', '物流', '包裹', '配送', '快递员', '物流信息'],
    frames: ['我的{w}{n}天没有更新', '{w}一直不动，{w}也联系不上', '{w}显示已签收但是我没收到{w}']
  }
}

function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export interface CorpusTicket {
  externalId: string
  topic: string
  text: string
  createdAt: number
}

/** `perTopic` tickets of every topic, shuffled, dated over 2026 Q2–Q3; ids start at `firstId`. */
export function themeCorpus(perTopic: number, seed = 1, firstId = 1): CorpusTicket[] {
  const next = random(seed)
  const pick = <T>(a: readonly T[]): T => a[Math.floor(next() * a.length)]!
  const out: CorpusTicket[] = []
  for (const [topic, { words, frames }] of Object.entries(TOPICS)) {
    for (let i = 0; i < perTopic; i++) {
      const text = pick(frames)
        .replace(/\{w\}/g, () => pick(words))
        .replace(/\{n\}/g, () => String(2 + Math.floor(next() * 9)))
      out.push({
        externalId: '',
        topic,
        text,
        createdAt: Date.UTC(2026, 3, 1) + Math.floor(next() * 180) * 86_400_000
      })
    }
  }
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1))
    ;[out[i], out[j]] = [out[j]!, out[i]!]
  }
  out.forEach((t, i) => (t.externalId = `C-${firstId + i}`))
  return out
}

/** Writes tickets as one import batch. */
export function writeCorpus(db: Db, tickets: readonly CorpusTicket[]): void {
  db.transaction(() => {
    const batchId = createImportBatch(db, {
      kind: 'tickets',
      sourceName: 'corpus.csv',
      format: 'csv',
      startedAt: Date.UTC(2026, 9, 1)
    })
    const rows: TicketRow[] = tickets.map((t, i) => ({
      sourceSystem: 'test',
      externalId: t.externalId,
      createdAt: t.createdAt,
      resolvedAt: null,
      firstResponseAt: null,
      channel: i % 3 === 0 ? 'email' : 'chat',
      status: null,
      priority: null,
      subject: null,
      text: t.text,
      customerId: null,
      rating: null,
      tags: null,
      attributes: null,
      batchId,
      sourceLine: i + 2
    }))
    insertTickets(db, rows)
  })()
}
