import type { Random } from '../../src/main/core/themes/random'
import { seededRandom } from '../../src/main/core/themes/random'

/**
 * Paraphrase-like copies of labelled tickets, for the themes benchmark at scale (issue 6: 100,000
 * tickets "built from the sets above with paraphrase-like perturbations — no exact duplicates").
 * Each copy is its original with one to three small edits (more when needed to be unlike every
 * earlier ticket) of the kind real tickets differ by: dropped or swapped words, typos, a polite
 * prefix or suffix, an order number, casing; in Chinese dropped, doubled or swapped characters and
 * filler particles. A copy keeps its original's label. Deterministic for a seed.
 */

/** A labelled ticket of a shared data set. */
export interface SourceTicket {
  ticketId: string
  subject: string
  description: string
  /** For scoring only: never given to the product. */
  label: string
}

export type PerturbLanguage = 'en' | 'zh'

export interface PerturbOptions {
  language: PerturbLanguage
  seed?: number
  /**
   * What must differ between any two tickets (default: subject and description as written). The
   * benchmark passes the product's cleaned text, so that no two tickets are alike as the product
   * sees them either.
   */
  key?: (ticket: SourceTicket) => string
}

/** Attempts at a copy that is unlike every earlier ticket, each with one more edit. */
const MAX_ATTEMPTS = 25

const EN_PREFIXES = ['hi, ', 'hello, ', 'hey, ', 'please help: ', 'quick question: ', 'good morning, ']
const EN_SUFFIXES = [' thanks', ' thanks!', ' please help', ' thank you.', ' any ideas?', ' asap please']
const ZH_PREFIXES = ['你好，', '麻烦看一下，', '客服，', '请问，', '您好，']
const ZH_SUFFIXES = ['谢谢', '，谢谢！', '。麻烦看一下', '。麻烦尽快处理', '！！']
const ZH_FILLERS = ['的', '了', '啊', '呢', '吧', '呀']
const LETTERS = 'abcdefghijklmnopqrstuvwxyz'

/**
 * `count` tickets from `sources`: ticket t is a perturbed copy of source t mod sources.length,
 * with the id `<source id>-p<copy>`. No two tickets share a key.
 */
export function perturbTickets(
  sources: readonly SourceTicket[],
  count: number,
  options: PerturbOptions
): SourceTicket[] {
  if (sources.length === 0) return []
  const random = seededRandom(options.seed ?? 20_240_611)
  const key = options.key ?? ((t: SourceTicket): string => `${t.subject}\n${t.description}`)
  const seen = new Set<string>()
  const out: SourceTicket[] = []
  for (let t = 0; t < count; t++) {
    const source = sources[t % sources.length]!
    const copy = Math.floor(t / sources.length)
    let ticket: SourceTicket | null = null
    for (let attempt = 0; attempt < MAX_ATTEMPTS && !ticket; attempt++) {
      const description = perturbText(
        source.description,
        1 + random.int(3) + attempt,
        options.language,
        random
      )
      const candidate: SourceTicket = {
        ticketId: `${source.ticketId}-p${copy}`,
        subject: subjectLike(source.subject, description, options.language),
        description,
        label: source.label
      }
      const k = key(candidate)
      if (!seen.has(k)) {
        seen.add(k)
        ticket = candidate
      }
    }
    if (!ticket) throw new Error(`no unique copy of ${source.ticketId} after ${MAX_ATTEMPTS} attempts`)
    out.push(ticket)
  }
  return out
}

/** A text with `edits` random edits. */
export function perturbText(text: string, edits: number, language: PerturbLanguage, random: Random): string {
  let s = text
  for (let e = 0; e < edits; e++) s = language === 'zh' ? editChinese(s, random) : editEnglish(s, random)
  return s
}

/**
 * The subject a help desk would fill in for this description: empty when the original's was, else
 * the description's first words (English) or characters (Chinese), about as long as the original's.
 */
function subjectLike(original: string, description: string, language: PerturbLanguage): string {
  if (!original) return ''
  const length = [...original].length
  if (language === 'zh') return [...description].slice(0, length).join('').trim()
  const words = description.split(' ')
  let subject = words[0] ?? ''
  for (let i = 1; i < words.length && subject.length + 1 + words[i]!.length <= length; i++)
    subject += ` ${words[i]}`
  return subject
}

const pick = <T>(items: readonly T[], random: Random): T => items[random.int(items.length)]!

/** A plausible order or account number. */
function orderNumber(random: Random): string {
  const digits = (n: number): string => String(10 ** (n - 1) + random.int(9 * 10 ** (n - 1)))
  return pick(
    [
      () => `order #${digits(6)}`,
      () => `ref ${digits(8)}`,
      () => `(account ending ${digits(4)})`,
      () => `on ${1 + random.int(28)}/${1 + random.int(12)}`,
      () => `#A${digits(5)}`
    ],
    random
  )()
}

/** One English edit: a word dropped or swapped, a typo, politeness, an order number or casing. */
function editEnglish(text: string, random: Random): string {
  const words = text.split(' ').filter((w) => w.length > 0)
  switch (random.int(7)) {
    case 0: // drop a word
      if (words.length >= 4) words.splice(random.int(words.length), 1)
      else words.push(pick(EN_SUFFIXES, random).trim())
      return words.join(' ')
    case 1: {
      // swap two adjacent words
      if (words.length < 2) return `${text} ${orderNumber(random)}`
      const i = random.int(words.length - 1)
      ;[words[i], words[i + 1]] = [words[i + 1]!, words[i]!]
      return words.join(' ')
    }
    case 2: {
      // a typo in a word of four letters or more: a letter inserted, deleted or replaced
      const candidates = words.map((w, i) => (/[a-z]{4,}/iu.test(w) ? i : -1)).filter((i) => i >= 0)
      if (candidates.length === 0) return `${pick(EN_PREFIXES, random)}${text}`
      const w = pick(candidates, random)
      const word = words[w]!
      const run = /[a-z]{4,}/iu.exec(word)!
      const at = run.index + 1 + random.int(run[0].length - 2)
      const letter = pick([...LETTERS], random)
      const kind = random.int(3)
      words[w] =
        kind === 0
          ? word.slice(0, at) + letter + word.slice(at)
          : kind === 1
            ? word.slice(0, at) + word.slice(at + 1)
            : word.slice(0, at) + letter + word.slice(at + 1)
      return words.join(' ')
    }
    case 3:
      return `${pick(EN_PREFIXES, random)}${text}`
    case 4:
      return `${text.replace(/[.?!]*$/u, '')}${pick(EN_SUFFIXES, random)}`
    case 5: {
      // an order number, at a random place
      words.splice(random.int(words.length + 1), 0, orderNumber(random))
      return words.join(' ')
    }
    default: {
      // casing: all lower, first letter upper, or one word shouted
      const kind = random.int(3)
      if (kind === 0) return text.toLowerCase()
      if (kind === 1) return text.charAt(0).toUpperCase() + text.slice(1)
      if (words.length === 0) return text
      const w = random.int(words.length)
      words[w] = words[w]!.toUpperCase()
      return words.join(' ')
    }
  }
}

const HAN = /\p{Script=Han}/u

/** One Chinese edit: a character dropped, doubled or swapped, a filler particle, politeness or an order number. */
function editChinese(text: string, random: Random): string {
  const chars = [...text]
  const han = chars.map((c, i) => (HAN.test(c) ? i : -1)).filter((i) => i >= 0)
  switch (random.int(7)) {
    case 0: // drop a character
      if (han.length >= 4) chars.splice(pick(han, random), 1)
      else chars.push(pick(ZH_FILLERS, random))
      return chars.join('')
    case 1: {
      // double a character
      if (han.length === 0) return `${pick(ZH_PREFIXES, random)}${text}`
      const i = pick(han, random)
      chars.splice(i, 0, chars[i]!)
      return chars.join('')
    }
    case 2: {
      // swap two adjacent characters
      if (chars.length < 2) return `${text}${pick(ZH_SUFFIXES, random)}`
      const i = random.int(chars.length - 1)
      ;[chars[i], chars[i + 1]] = [chars[i + 1]!, chars[i]!]
      return chars.join('')
    }
    case 3: // a filler particle
      chars.splice(random.int(chars.length + 1), 0, pick(ZH_FILLERS, random))
      return chars.join('')
    case 4:
      return `${pick(ZH_PREFIXES, random)}${text}`
    case 5:
      return `${text}${pick(ZH_SUFFIXES, random)}`
    default: {
      // an order number, at the start or the end
      const number = `订单号${100_000 + random.int(900_000)}${random.int(10)}`
      return random.int(2) === 0 ? `${number}，${text}` : `${text}（${number}）`
    }
  }
}
