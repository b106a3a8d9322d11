export { CSV_BOM, csvCell, toCsv } from '@shared/csv'

/** A file name for an export made at an instant: `loopbench-query-2026-05-10-1402.csv`. */
export function exportFileName(now: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0')
  return `loopbench-query-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}.csv`
}
