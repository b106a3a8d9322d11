import { cleanCell } from './normalize-text'
import { failed, parsed, quote, type Parsed } from './parse-result'

// Words exports use for yes/no, in English and Chinese, lower-cased.
const TRUE_WORDS = new Set([
  '1',
  '1.0',
  'true',
  't',
  'yes',
  'y',
  'on',
  'converted',
  'clicked',
  'retained',
  'success',
  'succeeded',
  '是',
  '对',
  '真',
  '有',
  '已转化',
  '转化',
  '已点击',
  '点击',
  '已留存',
  '留存',
  '成功'
])
const FALSE_WORDS = new Set([
  '0',
  '0.0',
  'false',
  'f',
  'no',
  'n',
  'off',
  'not converted',
  'not_converted',
  'not clicked',
  'not_clicked',
  'not retained',
  'churned',
  'failure',
  'failed',
  '否',
  '错',
  '假',
  '无',
  '未转化',
  '未点击',
  '未留存',
  '流失',
  '失败'
])

/** Whether a cell is one of the recognised yes/no words (empty cells are not). */
export function isBinaryWord(raw: string): boolean {
  const text = cleanCell(raw).toLowerCase()
  return TRUE_WORDS.has(text) || FALSE_WORDS.has(text)
}

/** A yes/no cell → true or false: 1/0, true/false, yes/no, y/n, 是/否, converted/not converted … */
export function parseBinary(raw: string): Parsed<boolean> {
  const text = cleanCell(raw).toLowerCase()
  if (text === '') return failed('empty yes/no value')
  if (TRUE_WORDS.has(text)) return parsed(true)
  if (FALSE_WORDS.has(text)) return parsed(false)
  return failed(`not a yes/no value: ${quote(raw)} (use 1/0, true/false, yes/no or 是/否)`)
}
