/**
 * Reads one file to the end with the streaming readers and prints what it saw and what it cost,
 * as one line of JSON. The memory test bundles this file and runs it in a child process, so that
 * the peak RSS it reports belongs to the reader alone (not to vitest, nor to the test that
 * generated the file).
 *
 *   node read-probe.mjs FILE DISPLAY_NAME
 */
import { openTableSource, peekRows } from '../../../../src/main/core/import/readers/open-table'

const [path, displayName] = process.argv.slice(2)
if (path === undefined || displayName === undefined) throw new Error('usage: read-probe FILE DISPLAY_NAME')

const peekStart = performance.now()
const peeked = await peekRows(path, displayName, {}, 20)
const peekMs = performance.now() - peekStart

const start = performance.now()
const cpuStart = process.cpuUsage()
const source = await openTableSource(path, displayName, { headerRows: 1 })
let rows = 0
let issues = 0
let firstLine = 0
let lastLine = 0
let lastCells: string[] = []
let previousLine = 0
let outOfOrder = 0
for await (const chunk of source.chunks(1000)) {
  for (const row of chunk) {
    if (rows === 0) firstLine = row.line
    if (row.line <= previousLine) outOfOrder++
    previousLine = row.line
    if (row.issue !== undefined) issues++
    rows++
  }
  const last = chunk[chunk.length - 1]
  if (last !== undefined) {
    lastLine = last.line
    lastCells = last.cells
  }
}
const seconds = (performance.now() - start) / 1000
const cpu = process.cpuUsage(cpuStart)
const progress = source.progress()
await source.close()

console.log(
  JSON.stringify({
    info: source.info,
    headers: source.headerLines[0] ?? [],
    peekRows: peeked.rows.length,
    peekMs,
    rows,
    issues,
    outOfOrder,
    firstLine,
    lastLine,
    lastCells,
    warnings: source.warnings?.() ?? [],
    seconds,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    bytes: progress.totalBytes,
    bytesRead: progress.bytesRead,
    maxRssMb: process.resourceUsage().maxRSS / 1024
  })
)
