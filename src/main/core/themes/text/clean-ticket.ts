import { normalizeForSearch } from '../../search/cjk'

/**
 * A ticket's text as the themes see it: what the customer wrote, without what every ticket of a
 * help desk carries (quoted replies, signatures, "Sent from my iPhone", greetings, links, e-mail
 * addresses, redaction placeholders), in the search's normal form (NFKC, lower case: full-width
 * letters and digits become ASCII).
 *
 * The subject is kept only when it says something the description does not: help desks often
 * fill it with the description's first words (after the greeting, if there is one), or with the
 * name of whoever chatted or called.
 */
export function cleanTicketText(
  subject: string | null | undefined,
  description: string | null | undefined
): string {
  const body = cleanText(description ?? '')
  const head = TRANSCRIPT_SUBJECT.test(subject ?? '') ? '' : cleanText(subject ?? '')
  if (!head) return body
  if (!body) return head
  const headWords = head.replace(/[.…]+$/u, '').trim()
  // The first words may follow a greeting; inside the body, only a subject long enough not to be
  // there by chance ("card") counts.
  const repeated =
    body.startsWith(headWords) || ([...headWords].length >= SUBJECT_INSIDE_MIN && body.includes(headWords))
  return repeated ? body : `${head}\n${body}`
}

/**
 * Subjects a help desk gives a chat or phone transcript — "Chat with Ana Lima", "Call from
 * +44…", "Voicemail from …", "Conversation with …", "与王芳的在线会话", "来电：王芳" — say who,
 * not what: as words they would make a theme of everyone who chatted. A name is up to four words
 * without sentence punctuation; a subject that goes on is about something and stays.
 */
const TRANSCRIPT_SUBJECT =
  /^\s*(?:(?:chat|conversation|call|phone call|voicemail|missed call|offline message|message|sms|whatsapp(?: message)?) (?:with|from|to) [^\s,.!?;，。！？]+(?: [^\s,.!?;，。！？]+){0,3}|与[^\n]{1,30}的(?:在线)?(?:会话|对话|聊天|通话)(?:记录)?|(?:来电|去电|未接来电|语音留言|留言)[:：][^\n]{1,30})\s*$/iu

/** Characters a subject needs before finding it inside the description means it was copied. */
const SUBJECT_INSIDE_MIN = 8

/** Where a quoted earlier message starts: everything from here on was not written by the customer. */
const QUOTE_START = [
  /^-{2,}\s*original message\s*-{2,}/imu,
  /^on .{4,200}wrote:\s*$/imu,
  /^-{2,}\s*(forwarded message|原始邮件|转发的邮件)\s*-{2,}/imu,
  /^在.{2,100}写道[:：]\s*$/imu,
  /^from: .+$\n^(sent|date): /imu,
  /^发件人[:：].+$/imu
]

/** Where a signature starts (a line of its own). */
const SIGNATURE_START = [
  /^-- ?$/mu,
  /^(sent from my|get outlook for|发自我的|来自我的|从我的).{0,40}$/imu,
  /^(best|kind|warm)? ?regards,?$/imu,
  /^(thanks|thank you|many thanks|cheers|sincerely)[,!.]?\s*\n.{0,40}$/imu,
  /^(此致|敬礼|谢谢[！!。]?)$/mu
]

/** Greetings at the very start of a message. */
const GREETING =
  /^\s*(hi|hello|hey|dear|good (morning|afternoon|evening))\b[^\n,.!:;]{0,30}[,.!:;\n]+|^\s*(您好|你好|亲|客服你好|客服您好)[,，!！:：\s]*/iu

const URL = /\b(?:https?:\/\/|www\.)\S+/giu
const EMAIL = /\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b/gu
/** Placeholders that exports put where they removed personal data: [REDACTED], <email>, {{name}}, ****, XXXX. */
const PLACEHOLDER =
  /\[(?:redacted|removed|email|phone|name|address|number|card|account|[^\]\n]{0,20}(?:已隐藏|已删除))\]|<(?:redacted|email|phone|name|address)>|\{\{[^}\n]{1,30}\}\}|\*{3,}|\b[x]{4,}\b|#{4,}/giu
/** "Sent from my iPhone" and its kin anywhere on a line of their own. */
const BOILERPLATE_LINE =
  /^\s*(sent from my \w+( \w+)?|sent from (mail|outlook) for \w+|发自我的\s?\w+)\s*$/gimu

/** The customer's own words of one field. */
function cleanText(raw: string): string {
  // Full-width letters, digits and asterisks become ASCII first, so every pattern below sees them.
  let s = normalizeForSearch(raw).replace(/\r\n?/gu, '\n')
  for (const pattern of QUOTE_START) {
    const at = s.search(pattern)
    if (at > 0) s = s.slice(0, at)
  }
  s = s
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('>'))
    .join('\n')
  for (const pattern of SIGNATURE_START) {
    const at = s.search(pattern)
    // A signature is at the end: only cut in the second half of the message.
    if (at > 0 && at >= s.length / 2) s = s.slice(0, at)
  }
  s = s.replace(BOILERPLATE_LINE, ' ').replace(URL, ' ').replace(EMAIL, ' ').replace(PLACEHOLDER, ' ')
  s = s.replace(GREETING, ' ')
  return s
    .replace(/[ \t\u00a0]+/gu, ' ')
    .replace(/\s*\n\s*/gu, '\n')
    .trim()
}
