/**
 * Which characters the search treats as CJK: Han (with 々 and 〇), Hiragana, Katakana with the
 * prolonged sound mark ー (Unicode puts it in the Common script), and Hangul. These scripts are
 * written without spaces between words, so FTS5's unicode61 tokenizer would make a whole run one
 * token; the search indexes such runs as overlapping bigrams instead.
 */
const CJK_CLASS = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}\\u30FC'
const ONE_CJK = new RegExp(`^[${CJK_CLASS}]$`, 'u')

/** The text split into CJK runs (odd indexes) and the text between them (even indexes). */
export const CJK_SPLIT = new RegExp(`([${CJK_CLASS}]+)`, 'u')

/** No CJK script has characters below U+1100 (Hangul Jamo), which lets ASCII skip the lookup. */
export const FIRST_CJK_CODE = 0x1100

/**
 * CJK-ness of every BMP code unit, computed once from the same class (64 KiB): the indexer asks
 * for every character of a million tickets, and a table lookup is several times faster than a
 * Unicode-property regex per character.
 */
const BMP_CJK = (() => {
  const table = new Uint8Array(0x10000)
  for (let c = FIRST_CJK_CODE; c < 0x10000; c++) {
    if (c < 0xd800 || c > 0xdfff) table[c] = ONE_CJK.test(String.fromCharCode(c)) ? 1 : 0
  }
  return table
})()

/**
 * How many UTF-16 code units the CJK character at `i` takes (1, or 2 outside the BMP), or 0 when
 * the character there is not CJK.
 */
export function cjkWidthAt(s: string, i: number): number {
  const code = s.charCodeAt(i)
  if (code < FIRST_CJK_CODE) return 0
  if (code < 0xd800 || code > 0xdbff) return BMP_CJK[code] === 1 ? 1 : 0
  const point = s.codePointAt(i)!
  return point > 0xffff && ONE_CJK.test(String.fromCodePoint(point)) ? 2 : 0
}

/**
 * The form in which text is indexed and queried: NFKC (full-width letters, digits and
 * punctuation become their ASCII forms, half-width katakana full-width, compatibility
 * ideographs unified), then lower case.
 */
export function normalizeForSearch(text: string): string {
  return text.normalize('NFKC').toLowerCase()
}

/** The characters of a run, as code points (Han extension B and later are outside the BMP). */
export function runCharacters(run: string): string[] {
  return Array.from(run)
}

/** The overlapping bigrams of a CJK run of at least two characters ("退款没到" → 退款 款没 没到). */
export function runBigrams(chars: readonly string[]): string[] {
  const bigrams: string[] = []
  for (let i = 0; i + 1 < chars.length; i++) bigrams.push(chars[i]! + chars[i + 1]!)
  return bigrams
}
