/** A CJK ideograph. */
export const CJK = /[\u4e00-\u9fff]/

/**
 * An English word of two or more letters that is not part of an identifier (order numbers like
 * BB26080312345, amounts like RM42.90 or HK$12.00, versions, error codes glued to digits).
 */
const LATIN_WORD = /(?<![A-Za-z0-9$])[A-Za-z]{2,}(?![A-Za-z0-9$])/

/** True when the text has Chinese characters. */
export function hasChinese(text: string): boolean {
  return CJK.test(text)
}

/** True when the text has an English word outside identifiers. */
export function hasEnglishWord(text: string): boolean {
  return LATIN_WORD.test(text)
}

/** Both scripts in one text: Chinese characters and an English word. */
export function isMixedLanguage(text: string): boolean {
  return hasChinese(text) && hasEnglishWord(text)
}
