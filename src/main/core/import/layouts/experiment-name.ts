const EXTENSIONS = /(\.(csv|tsv|txt|xlsx|xls|json|ndjson|jsonl))+(\.(gz|zip))?$/i

/**
 * An experiment name from a file name, for experiment files without an experiment column:
 * the base name without directories and extensions (`exports/ab_data.csv` → `ab_data`).
 */
export function experimentNameFromFile(fileName: string | undefined): string | null {
  if (!fileName) return null
  const base = fileName.split(/[\\/]/).pop() ?? ''
  const name = base.replace(EXTENSIONS, '').trim()
  return name === '' ? null : name.slice(0, 200)
}
