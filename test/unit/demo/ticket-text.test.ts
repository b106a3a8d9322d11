import { beforeAll, describe, expect, it } from 'vitest'
import type { DemoData } from '../../../src/main/core/demo/demo-data'
import { generateDemo } from '../../../src/main/core/demo/generate-demo'
import { generateCustomers } from '../../../src/main/core/demo/generate-customers'
import { loadDemoManifest } from '../../../src/main/core/demo/manifest'
import { Rng } from '../../../src/main/core/demo/rng'
import { SlotFiller } from '../../../src/main/core/demo/slots'
import { composeTicketText } from '../../../src/main/core/demo/ticket-text'
import { hasChinese, hasEnglishWord, isMixedLanguage } from '../../helpers/scripts'

const manifest = loadDemoManifest()
let demo: DemoData
let rows: Array<{ text: string; subject: string | null; truth: DemoData['truth']['tickets'][number] }>

beforeAll(() => {
  demo = generateDemo()
  rows = demo.tickets.map((t, i) => ({ text: t.text, subject: t.subject, truth: demo.truth.tickets[i]! }))
})

describe('generated ticket text', () => {
  it('is never empty and never leaves a slot unfilled', () => {
    expect(rows.length).toBeGreaterThan(20_000)
    expect(rows.every((r) => r.text.trim().length > 0)).toBe(true)
    expect(rows.filter((r) => /\{[A-Za-z]+\}/.test(r.text) || /\{[A-Za-z]+\}/.test(r.subject ?? ''))).toEqual(
      []
    )
    expect(rows.some((r) => /lorem|ipsum/i.test(r.text))).toBe(false)
  })

  it('is distinct: complaint tickets almost never repeat word for word', () => {
    const topical = rows.filter((r) => r.truth.topicId !== null)
    const distinct = new Set(topical.map((r) => r.text)).size
    expect(distinct / topical.length).toBeGreaterThan(0.95)
    // Every topic is expressed in many different ways in both languages.
    for (const topic of manifest.topics) {
      for (const language of ['en', 'zh'] as const) {
        const texts = topical.filter((r) => r.truth.topicId === topic.id && r.truth.language === language)
        expect(new Set(texts.map((r) => r.text)).size, `${topic.id} ${language}`).toBeGreaterThan(
          Math.min(30, texts.length * 0.9)
        )
      }
    }
  })

  it('mixes the languages in the intended share of tickets, always with both scripts', () => {
    const mixed = rows.filter((r) => r.truth.mixed)
    expect(mixed.length / rows.length).toBeGreaterThan(manifest.tickets.mixedLanguageShare - 0.01)
    expect(mixed.length / rows.length).toBeLessThan(manifest.tickets.mixedLanguageShare + 0.01)
    expect(mixed.filter((r) => !isMixedLanguage(r.text))).toEqual([])
    // Tickets not mixed on purpose stay in one script (identifiers such as order numbers aside).
    const single = rows.filter((r) => !r.truth.mixed)
    expect(single.filter((r) => r.truth.language === 'en' && hasChinese(r.text))).toEqual([])
    expect(single.filter((r) => r.truth.language === 'zh' && hasEnglishWord(r.text))).toEqual([])
    // Both directions occur: English terms in Chinese tickets and Chinese phrases in English ones.
    expect(mixed.filter((r) => r.truth.language === 'zh').length).toBeGreaterThan(500)
    expect(mixed.filter((r) => r.truth.language === 'en').length).toBeGreaterThan(500)
  })

  it('writes roughly half the tickets in each language', () => {
    const zh = rows.filter((r) => r.truth.language === 'zh').length / rows.length
    expect(zh).toBeGreaterThan(0.4)
    expect(zh).toBeLessThan(0.6)
  })

  it('puts typos into the intended share of tickets in each language, and they are in the text', () => {
    for (const language of ['en', 'zh'] as const) {
      const inLanguage = rows.filter((r) => r.truth.language === language)
      const withTypos = inLanguage.filter((r) => r.truth.typos.length > 0)
      const share = withTypos.length / inLanguage.length
      expect(share, language).toBeGreaterThan(manifest.tickets.typoShare[language] - 0.02)
      expect(share, language).toBeLessThan(manifest.tickets.typoShare[language] + 0.01)
      for (const row of withTypos) {
        for (const typo of row.truth.typos) {
          expect(typo.to).not.toBe(typo.from)
          expect(row.text).toContain(typo.to)
        }
      }
    }
    const all = rows.flatMap((r) => r.truth.typos)
    // Known misspellings and Chinese wrong-character substitutions both occur, not only random edits.
    expect(
      all.filter((t) => t.to === 'recieve' || t.to === 'adress' || t.to === 'acount').length
    ).toBeGreaterThan(10)
    expect(all.filter((t) => /登陆|定单|优惠卷|冲值|帐号/.test(t.to)).length).toBeGreaterThan(30)
  })

  it('adds noise that belongs to no topic in the intended share', () => {
    const noise = rows.filter((r) => r.truth.topicId === null)
    expect(noise.every((r) => r.truth.noiseKind !== null)).toBe(true)
    expect(noise.length / rows.length).toBeGreaterThan(manifest.tickets.noiseShare - 0.01)
    expect(noise.length / rows.length).toBeLessThan(manifest.tickets.noiseShare + 0.01)
    expect(new Set(noise.map((r) => r.truth.noiseKind))).toEqual(
      new Set(manifest.noise.kinds.map((k) => k.id))
    )
  })

  it('makes subjects from the first words, from generic lines, or leaves them empty', () => {
    const longForm = demo.tickets.filter((t) => t.channel === 'email' || t.channel === 'web_form')
    const empty = longForm.filter((t) => t.subject === null).length / longForm.length
    const firstWords = longForm.filter((t) => {
      if (!t.subject) return false
      const body = t.text.split('\n\n').find((part) => part.includes(t.subject!.slice(0, 6)))
      return body !== undefined && body.startsWith(t.subject.slice(0, 6))
    }).length
    expect(empty).toBeGreaterThan(0.25)
    expect(empty).toBeLessThan(0.45)
    expect(firstWords / longForm.length).toBeGreaterThan(0.35)
  })

  it('adds e-mail furniture: sign-offs, "Sent from my iPhone" and quoted replies', () => {
    const emails = demo.tickets.filter((t) => t.channel === 'email')
    expect(emails.filter((t) => t.text.includes('Sent from my')).length).toBeGreaterThan(100)
    expect(emails.filter((t) => /wrote:\n>|原始邮件|写道：/.test(t.text)).length).toBeGreaterThan(100)
    expect(demo.tickets.filter((t) => t.channel === 'chat' && t.text.includes('Sent from my'))).toEqual([])
  })

  it('depends on the seed', () => {
    const other = generateDemo({ seed: 'another seed' })
    expect(other.tickets.slice(0, 50).map((t) => t.text)).not.toEqual(
      demo.tickets.slice(0, 50).map((t) => t.text)
    )
  })
})

describe('composeTicketText', () => {
  const slots = new SlotFiller(manifest)
  const customers = generateCustomers(manifest, new Rng('customers-for-text')).profiles
  const zhCustomer = customers.find((c) => c.language === 'zh' && c.region.currency.zhSuffix)!
  const enCustomer = customers.find((c) => c.language === 'en' && c.platform === 'ios')!
  const at = Date.UTC(2026, 7, 20, 9)

  it('fills slots in the customer’s currency, language and app version', () => {
    const text = composeTicketText(new Rng('t1'), manifest, slots, {
      language: 'zh',
      channel: 'web_form',
      customer: zhCustomer,
      at,
      template: '订单{order}多扣了{amount}，版本{version}。',
      wrap: false,
      isTopic: false,
      mixed: false,
      typo: false
    }).text
    expect(text).toMatch(/^订单BB2608\d{7}多扣了\d+元，版本6\.[45]\.\d。$/)
    const en = composeTicketText(new Rng('t2'), manifest, slots, {
      language: 'en',
      channel: 'web_form',
      customer: enCustomer,
      at,
      template: 'I paid {amount} on {date}.',
      wrap: false,
      isTopic: false,
      mixed: false,
      typo: false
    }).text
    expect(en).toMatch(
      new RegExp(`^I paid ${enCustomer.region.currency.symbol.replace('$', '\\$')}\\d+\\.\\d{2} on `)
    )
  })

  it('mixes and misspells only when asked to', () => {
    const input = {
      language: 'zh' as const,
      channel: 'web_form',
      customer: zhCustomer,
      at,
      template: '我的退款一直没到账，订单已经取消了，请帮我登录账号看看。',
      wrap: false,
      isTopic: false,
      mixed: false,
      typo: false
    }
    const plain = composeTicketText(new Rng('same'), manifest, slots, input)
    expect(plain.text).toBe(input.template)
    expect(plain.typos).toEqual([])
    const mixed = composeTicketText(new Rng('same'), manifest, slots, { ...input, mixed: true })
    expect(isMixedLanguage(mixed.text)).toBe(true)
    const typo = composeTicketText(new Rng('same'), manifest, slots, { ...input, typo: true })
    expect(typo.typos.length).toBeGreaterThan(0)
    expect(typo.text).not.toBe(input.template)
  })
})
