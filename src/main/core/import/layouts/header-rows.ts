import type { HeaderStyle, LayoutPreset } from './layout-types'

/** The header rows detection found at the top of a file. */
export interface HeaderRowsInfo {
  headerRows: number
  style: HeaderStyle
}

const IMPORT_ID = /^\s*\{\s*"ImportId"\s*:/
// SurveyMonkey's answer row: "Response" under single-answer questions, "Open-Ended Response"
// under comment boxes (English and Simplified Chinese exports).
const PLAIN_ANSWER_CELLS = new Set([
  'response',
  'open-ended response',
  '回复',
  '回答',
  '开放式回复',
  '开放式回答'
])
const ANSWER_ROW_MARKERS = new Set([...PLAIN_ANSWER_CELLS, 'other (please specify)', '其他（请注明）'])

const cell = (row: readonly string[] | undefined, i: number): string => (row?.[i] ?? '').trim()

function isQualtricsImportIdRow(row: readonly string[] | undefined): boolean {
  if (!row) return false
  const filled = row.filter((c) => c.trim() !== '')
  return filled.length > 0 && filled.filter((c) => IMPORT_ID.test(c)).length >= Math.ceil(filled.length / 2)
}

/** Whether a row looks like SurveyMonkey's answer row under a question row with merged cells. */
function isAnswerRow(
  top: readonly string[],
  row: readonly string[] | undefined,
  next: readonly string[] | undefined
): boolean {
  if (!row) return false
  const filled = row.map((c) => c.trim()).filter((c) => c !== '')
  if (filled.length === 0) return false
  if (filled.some((c) => ANSWER_ROW_MARKERS.has(c.toLowerCase()))) return true
  // Without a marker: the answer row leaves the metadata columns blank (the data below fills
  // them), sits under at least one blank (merged) question cell, and holds no numbers.
  const blankTopUnderFilled = row.some((c, i) => c.trim() !== '' && cell(top, i) === '' && i > 0)
  return (
    cell(row, 0) === '' &&
    cell(top, 0) !== '' &&
    cell(next, 0) !== '' &&
    blankTopUnderFilled &&
    filled.every((c) => !/^[\d.,:/ -]+$/.test(c))
  )
}

/**
 * How many of a file's first rows are header: 3 for Qualtrics (a row of `{"ImportId":…}` cells
 * under the question texts), 2 for SurveyMonkey (an answer row under the question row), else 1.
 */
export function detectHeaderRows(rawRows: readonly (readonly string[])[]): HeaderRowsInfo {
  for (const index of [2, 1]) {
    if (isQualtricsImportIdRow(rawRows[index])) return { headerRows: index + 1, style: 'first-row' }
  }
  const top = rawRows[0]
  if (top && isAnswerRow(top, rawRows[1], rawRows[2])) return { headerRows: 2, style: 'merged-question' }
  return { headerRows: 1, style: 'single' }
}

/**
 * One header per column from a file's header rows. `single` and `first-row` (Qualtrics) take the
 * first row. `merged-question` (SurveyMonkey): a blank question cell continues the question to its
 * left; the combined header is the question alone under "Response"/"Open-Ended Response" or a blank
 * answer cell, otherwise "question — answer".
 */
export function combineHeaderRows(
  rows: readonly (readonly string[])[],
  preset: Pick<LayoutPreset, 'headerRows' | 'headerStyle'> | HeaderRowsInfo | null
): string[] {
  const top = rows[0] ?? []
  const style =
    preset === null ? 'single' : 'style' in preset ? preset.style : (preset.headerStyle ?? 'single')
  const width = Math.max(0, ...rows.slice(0, Math.max(1, preset?.headerRows ?? 1)).map((r) => r.length))
  if (style !== 'merged-question' || rows.length < 2) {
    return Array.from({ length: Math.max(width, top.length) }, (_, i) => cell(top, i))
  }
  const answers = rows[1] ?? []
  const headers: string[] = []
  let question = ''
  for (let i = 0; i < width; i++) {
    const own = cell(top, i)
    const answer = cell(answers, i)
    if (own !== '') question = own
    const base = own !== '' ? own : answer !== '' ? question : ''
    if (answer === '' || PLAIN_ANSWER_CELLS.has(answer.toLowerCase())) headers.push(base)
    else if (base === '') headers.push(answer)
    else headers.push(`${base} — ${answer}`)
  }
  return headers
}

/** Qualtrics' second header row (the question texts), aligned to the columns; null for other styles. */
export function headerDescriptions(
  rows: readonly (readonly string[])[],
  style: HeaderStyle
): string[] | null {
  if (style !== 'first-row' || rows.length < 2) return null
  const width = rows[0]?.length ?? 0
  return Array.from({ length: width }, (_, i) => cell(rows[1], i))
}

/**
 * The time zones Qualtrics declares in its `{"ImportId":"startDate","timeZone":"America/Denver"}`
 * header row, aligned to the columns (null where a cell names none); null for other styles.
 */
export function importIdTimeZones(
  rows: readonly (readonly string[])[],
  style: HeaderStyle
): Array<string | null> | null {
  if (style !== 'first-row') return null
  const row = [...rows].reverse().find(isQualtricsImportIdRow)
  if (!row) return null
  return row.map((raw) => {
    try {
      const value: unknown = JSON.parse(raw)
      if (typeof value === 'object' && value !== null && 'timeZone' in value) {
        const zone = (value as { timeZone: unknown }).timeZone
        return typeof zone === 'string' && zone !== '' ? zone : null
      }
    } catch {
      // Not JSON: a cell without a declared zone.
    }
    return null
  })
}
