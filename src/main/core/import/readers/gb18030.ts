/**
 * GB18030 byte structure, for the decoder (iconv-lite) to be fed whole characters and checked.
 * One byte below 0x80; four bytes when the second is a digit (0x30–0x39); else two.
 */

/** Length of the prefix of GB18030 bytes that ends on a character boundary (they start on one). */
export function completeGb18030Length(bytes: Uint8Array): number {
  const n = bytes.length
  let i = 0
  while (i < n) {
    const lead = bytes[i] as number
    if (lead < 0x80 || lead === 0x80 || lead === 0xff) {
      i++
      continue
    }
    if (i + 1 >= n) return i
    const second = bytes[i + 1] as number
    const length = second >= 0x30 && second <= 0x39 ? 4 : 2
    if (i + length > n) return i
    i += length
  }
  return n
}

/** GB18030's own encoding of U+FFFD: a replacement character that really is in the file. */
const GB18030_REPLACEMENT = Buffer.from([0x84, 0x31, 0xa4, 0x37])

/**
 * Index in `text` (decoded from `bytes` by iconv-lite) of the first U+FFFD that stands for bytes
 * that are not GB18030, or -1. U+FFFD written in the file itself is allowed: if the file holds as
 * many encoded U+FFFD as the text has, all of them are genuine.
 */
export function firstBadReplacement(text: string, bytes: Buffer): number {
  const first = text.indexOf('\uFFFD')
  if (first === -1) return -1
  let inText = 0
  for (let i = first; i !== -1; i = text.indexOf('\uFFFD', i + 1)) inText++
  let inBytes = 0
  for (let i = bytes.indexOf(GB18030_REPLACEMENT); i !== -1; i = bytes.indexOf(GB18030_REPLACEMENT, i + 4))
    inBytes++
  return inText === inBytes ? -1 : first
}
