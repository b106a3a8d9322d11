/**
 * Full-width ASCII (U+FF01–U+FF5E, as typed with Chinese and Japanese input methods) mapped to
 * ASCII one character for one, so offsets into the original string stay valid.
 */
export function toHalfWidth(text: string): string {
  let out = ''
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCharCode(code - 0xfee0)
    else if (code === 0x3000) out += ' '
    else out += text[i]
  }
  return out
}

/** A cell prepared for parsing: full-width forms folded (NFKC), every kind of space made plain, trimmed. */
export function cleanCell(raw: string): string {
  return raw
    .normalize('NFKC')
    .replace(/[\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]/g, ' ')
    .trim()
}
