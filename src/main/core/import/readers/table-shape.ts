import type { RawRow, ReadWarning } from './table-source'

/**
 * Header names that repeat or are empty. They are kept as they are (the mapping works by column
 * index); these warnings let the wizard say so. Trailing empty header cells are reported too.
 */
export function headerWarnings(headers: string[]): ReadWarning[] {
  const warnings: ReadWarning[] = []
  const seen = new Map<string, number[]>()
  const empty: number[] = []
  headers.forEach((raw, index) => {
    const name = raw.trim()
    if (name === '') {
      empty.push(index + 1)
      return
    }
    const columns = seen.get(name)
    if (columns === undefined) seen.set(name, [index + 1])
    else columns.push(index + 1)
  })
  const duplicates = [...seen].filter(([, columns]) => columns.length > 1)
  if (duplicates.length > 0) {
    const list = duplicates.map(([name, columns]) => `“${name}” (columns ${columns.join(', ')})`).join('; ')
    warnings.push({
      code: 'duplicate_headers',
      message: `Some column names appear more than once: ${list}. Both columns are read; check which one each field should come from.`,
      details: { duplicates: duplicates.map(([name, columns]) => ({ name, columns })) }
    })
  }
  if (empty.length > 0) {
    warnings.push({
      code: 'empty_headers',
      message: `${empty.length === 1 ? 'Column' : 'Columns'} ${empty.join(', ')} ${empty.length === 1 ? 'has' : 'have'} no name in the header.`,
      details: { columns: empty }
    })
  }
  return warnings
}

/** How strictly a row's width is held to the header's. */
export type WidthPolicy =
  /** CSV/TSV: a missing or extra field means the row was split wrongly; it is rejected. */
  | 'strict'
  /** XLSX: trailing empty cells are simply absent; only values beyond the header are a problem. */
  | 'sparse'

/**
 * Pads or checks a row against the header: cells always come back aligned to the header (short
 * rows padded with ''). A row is not flagged when nothing is lost or ambiguous: extra fields that
 * are all empty (a trailing delimiter), or missing fields whose header cells are empty too.
 */
export function alignRow(line: number, cells: string[], header: string[], policy: WidthPolicy): RawRow {
  const width = header.length
  if (cells.length === width || width === 0) return { line, cells }
  if (cells.length < width) {
    let flagged = false
    if (policy === 'strict') {
      for (let i = cells.length; i < width; i++) {
        if ((header[i] as string).trim() !== '') {
          flagged = true
          break
        }
      }
    }
    const count = cells.length
    while (cells.length < width) cells.push('')
    return flagged ? { line, cells, issue: fieldCountIssue(count, width, policy) } : { line, cells }
  }
  let lastValue = cells.length - 1
  while (lastValue >= width && (cells[lastValue] as string) === '') lastValue--
  if (lastValue < width) {
    cells.length = width
    return { line, cells }
  }
  return { line, cells, issue: fieldCountIssue(cells.length, width, policy) }
}

/** "has 9 fields; the header has 7" (XLSX: columns). */
function fieldCountIssue(count: number, width: number, policy: WidthPolicy): string {
  const unit = policy === 'strict' ? 'field' : 'column'
  const has =
    policy === 'strict' ? `has ${count} ${unit}${count === 1 ? '' : 's'}` : `has values in ${count} columns`
  return `${has}; the header has ${width}`
}
