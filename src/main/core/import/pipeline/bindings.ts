import { openTableSource, peekRows } from '../readers/open-table'
import { detectLayout } from '../layouts/detect-layout'
import { createCellParsers } from '../values/cell-parsers'
import { profileColumn } from '../values/profile-column'
import { redactText } from '../redact/redact-text'
import type { ImportDependencies } from './import-job'
import type { InspectDependencies } from './inspect-file'

/** The real readers, parsers and redaction behind the import job. */
export const IMPORT_DEPENDENCIES: ImportDependencies = {
  openTableSource,
  createParsers: (options) => createCellParsers(options),
  redactText: (text) => {
    const result = redactText(text)
    return { text: result.text, counts: result.counts }
  }
}

/** The real readers and detector behind inspection. */
export const INSPECT_DEPENDENCIES: InspectDependencies = {
  peekRows,
  detectLayout: (rows, options) => detectLayout(rows, options),
  profileColumn: (index, header, values) => profileColumn(header, values, index)
}
