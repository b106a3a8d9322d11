/**
 * UTF-8 validation on bytes, for encoding detection and for pinpointing the first bad byte once
 * a strict decoder has refused a chunk. Follows the Unicode well-formedness table (no overlong
 * forms, no surrogates, nothing above U+10FFFF).
 */

/** Bytes a sequence that starts with `lead` occupies (0: not a valid lead byte). */
function sequenceLength(lead: number): number {
  if (lead < 0x80) return 1
  if (lead >= 0xc2 && lead <= 0xdf) return 2
  if (lead >= 0xe0 && lead <= 0xef) return 3
  if (lead >= 0xf0 && lead <= 0xf4) return 4
  return 0
}

/** Allowed range of the second byte after `lead` (narrower than 80..BF for E0, ED, F0, F4). */
function secondByteOk(lead: number, byte: number): boolean {
  if (lead === 0xe0) return byte >= 0xa0 && byte <= 0xbf
  if (lead === 0xed) return byte >= 0x80 && byte <= 0x9f
  if (lead === 0xf0) return byte >= 0x90 && byte <= 0xbf
  if (lead === 0xf4) return byte >= 0x80 && byte <= 0x8f
  return byte >= 0x80 && byte <= 0xbf
}

/**
 * Offset of the first byte in `bytes[start, end)` that is not valid UTF-8, or -1. With
 * `allowCutEnd`, a sequence that is only incomplete because the range ends is accepted (a sample
 * cut in the middle of a character).
 */
export function firstInvalidUtf8(
  bytes: Uint8Array,
  start = 0,
  end = bytes.length,
  allowCutEnd = false
): number {
  let i = start
  while (i < end) {
    const lead = bytes[i] as number
    if (lead < 0x80) {
      i++
      continue
    }
    const length = sequenceLength(lead)
    if (length === 0) return i
    for (let k = 1; k < length; k++) {
      if (i + k >= end) return allowCutEnd ? -1 : i
      const byte = bytes[i + k] as number
      const ok = k === 1 ? secondByteOk(lead, byte) : byte >= 0x80 && byte <= 0xbf
      if (!ok) return i
    }
    i += length
  }
  return -1
}

/**
 * Length of the prefix of `bytes` that ends on a character boundary: a multi-byte sequence cut by
 * the end of the buffer is left for the next chunk. Invalid bytes are not judged here.
 */
export function completeUtf8Length(bytes: Uint8Array): number {
  const length = bytes.length
  // Walk back over at most three continuation bytes to the lead byte of the last sequence.
  for (let back = 1; back <= 4 && back <= length; back++) {
    const byte = bytes[length - back] as number
    if (byte < 0x80) return length
    if (byte >= 0xc0) {
      const needed = sequenceLength(byte)
      return needed > back ? length - back : length
    }
  }
  return length
}

/** Multi-byte sequences in `bytes[start, end)` that encode CJK ideographs (U+4E00–U+9FFF). */
export function countUtf8Cjk(bytes: Uint8Array, start: number, end: number): number {
  let count = 0
  for (let i = start; i + 2 < end; i++) {
    const lead = bytes[i] as number
    if (lead >= 0xe4 && lead <= 0xe9) {
      const b1 = bytes[i + 1] as number
      const b2 = bytes[i + 2] as number
      if (b1 >= 0x80 && b1 <= 0xbf && b2 >= 0x80 && b2 <= 0xbf) {
        count++
        i += 2
      }
    }
  }
  return count
}
