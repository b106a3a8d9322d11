import type { Typo } from './demo-data'
import type { CustomerProfile } from './generate-customers'
import { mixLanguages } from './language-mixing'
import type { DemoManifest, Language } from './manifest'
import type { Rng } from './rng'
import type { SlotFiller } from './slots'
import { addTypos } from './typos'

/** What a ticket is about and how it reaches support. */
export interface TicketTextInput {
  language: Language
  channel: string
  customer: CustomerProfile
  at: number
  /** The phrasing template (a topic's or a noise kind's). */
  template: string
  /** Whether greetings, details, closings and sign-offs may surround it (false for spam, auto-replies). */
  wrap: boolean
  /** Topic tickets may carry a detail sentence (order number, app version…). */
  isTopic: boolean
  mixed: boolean
  typo: boolean
}

/** The text and subject a customer wrote, with the typos that were put in. */
export interface TicketText {
  text: string
  subject: string | null
  typos: Typo[]
  /** Whether the languages were mixed (a message with no words cannot be). */
  mixed: boolean
}

const LONG_FORM = new Set(['email', 'web_form'])

/**
 * Writes a ticket the way customers do: an optional greeting, the complaint in one of its
 * phrasings, maybe a detail, a closing, then (by e-mail) a sign-off, "Sent from my iPhone" or a
 * quoted earlier reply. Mixed language and typos go into the body only.
 */
export function composeTicketText(
  rng: Rng,
  manifest: DemoManifest,
  slots: SlotFiller,
  input: TicketTextInput
): TicketText {
  const t = manifest.text
  const spec = manifest.tickets
  const { language, channel, customer } = input
  const context = { language, customer, at: input.at }
  const longForm = LONG_FORM.has(channel)
  const fill = (template: string): string => slots.fill(rng, template, context)

  const core = fill(input.template)
  const sentences = [core]
  if (input.wrap && rng.chance(spec.openerShare)) sentences.unshift(rng.pick(t.openers[language]))
  if (input.isTopic && rng.chance(spec.detailShare)) sentences.push(fill(rng.pick(t.details[language])))
  if (input.wrap && rng.chance(spec.closingShare)) sentences.push(rng.pick(t.closings[language]))
  let body = sentences.join(language === 'en' ? ' ' : '')

  let greeting = ''
  if (
    input.wrap &&
    channel !== 'phone' &&
    rng.chance(longForm ? spec.greetingShare : spec.greetingShare / 2)
  ) {
    greeting = rng.pick(t.greetings[language])
  }

  if (!longForm) body = casualStyle(rng, body, language)
  // A message without a single word ("?", "1") cannot mix languages in any visible way.
  const mixed = input.mixed && (language === 'en' ? /[A-Za-z]{2}/.test(body) : /[\u4e00-\u9fff]/.test(body))
  if (mixed) body = mixLanguages(rng, body, language, t.mixing)
  let typos: Typo[] = []
  if (input.typo) ({ text: body, typos } = addTypos(rng, body, language, t.typos))

  let text: string
  if (greeting === '') text = body
  else if (longForm) text = `${greeting}\n\n${body}`
  else text = language === 'en' ? `${greeting} ${body}` : `${greeting}${body}`

  if (longForm && input.wrap && rng.chance(spec.signoffShare)) {
    const signoffs = t.signoffs[language]
    // A Chinese sign-off needs a Chinese name; customers without one sign in English.
    if (language === 'en' || customer.nameZh !== null) text += `\n\n${fill(rng.pick(signoffs))}`
  }
  if (channel === 'email' && customer.platform !== 'web' && language === 'en') {
    if (rng.chance(spec.mobileSignatureShare))
      text += `\n\n${rng.pick(t.mobileSignatures[customer.platform])}`
  }
  if (channel === 'email' && input.wrap && rng.chance(spec.quotedReplyShare)) {
    text += `\n\n${fill(rng.pick(t.quotedReplies[language]))}`
  }
  return { text, subject: subjectFor(rng, manifest, slots, input, body), typos, mixed }
}

/** Chat and social messages are typed quickly: no final full stop, lower case, doubled marks. */
function casualStyle(rng: Rng, body: string, language: Language): string {
  const u = rng.next()
  if (language === 'en') {
    if (u < 0.15) return body.toLowerCase()
    if (u < 0.35) return body.replace(/\.$/, '')
    if (u < 0.45) return body.replace(/[.?!]$/, (mark) => (mark === '.' ? '!!' : mark + mark))
    return body
  }
  if (u < 0.2) return body.replace(/[。！]$/, '')
  if (u < 0.35) return body.replace(/。$/, '！')
  if (u < 0.45) return body.replace(/[。？]$/, (mark) => (mark === '。' ? '。。。' : '？？'))
  return body
}

function subjectFor(
  rng: Rng,
  manifest: DemoManifest,
  slots: SlotFiller,
  input: TicketTextInput,
  body: string
): string | null {
  const { language, channel, customer } = input
  const context = { language, customer, at: input.at }
  if (LONG_FORM.has(channel)) {
    const u = rng.next()
    if (u < manifest.tickets.subjectFirstWordsShare) return firstWords(rng, body, language)
    if (u < manifest.tickets.subjectFirstWordsShare + manifest.tickets.subjectGenericShare) {
      return slots.fill(rng, rng.pick(manifest.text.genericSubjects[language]), context)
    }
    return null
  }
  const channelSubject = manifest.text.channelSubjects[channel]
  if (channelSubject && rng.chance(channelSubject.share)) {
    const useZh = language === 'zh' && customer.nameZh !== null
    return slots.fill(rng, useZh ? channelSubject.zh : channelSubject.en, {
      ...context,
      language: useZh ? 'zh' : 'en'
    })
  }
  return null
}

/** The first words of the text, as mail clients and help desks make subjects from them. */
function firstWords(rng: Rng, body: string, language: Language): string {
  const firstLine = body.split('\n')[0] ?? body
  if (language === 'zh') {
    const clause = firstLine.split(/[，。！？]/)[0] ?? firstLine
    return clause.length > 4 ? clause.slice(0, rng.int(8, 16)) : firstLine.slice(0, 16)
  }
  const words = firstLine.split(/\s+/).filter(Boolean)
  const subject = words.slice(0, rng.int(4, 8)).join(' ')
  return subject.replace(/[.,:;!?]+$/, '')
}
