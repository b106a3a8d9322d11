import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { ApiError } from '@shared/api/errors'
import type { ApiErrorData } from '@shared/api/errors'
import { RECORD_KINDS } from '@shared/domain/field-roles'
import type { RecordKind } from '@shared/domain/field-roles'
import type { ImportMapping, ImportResult, ReadOptions } from '@shared/domain/import'
import {
  ImportMappingSchema,
  ReadOptionsSchema,
  SOURCE_ENCODINGS,
  SOURCE_FORMATS
} from '@shared/domain/import'
import type { CliContext } from '../cli-io'
import { UsageError } from '../cli-io'
import { parseCommandArgs, requireString } from '../args'
import { EXIT_FAILED, EXIT_OK, formatCount, reportError } from '../output'
import { withWorkbench } from '../with-workbench'

export const IMPORT_USAGE = `Usage: loopbench import FILE... --workspace W [--kind K] [--mapping M.json] [--redact] [--json]
                        [--format F] [--encoding E] [--delimiter D] [--sheet NAME]

Imports ticket, survey-response, customer or experiment exports (CSV, TSV, XLSX, JSON, NDJSON)
into the workspace W (created if it does not exist). Each file becomes one import batch, in
one transaction: all of its accepted rows or nothing. Rejected rows are listed with their line
and reason. Re-importing a file adds nothing twice.

  --kind K         tickets | survey_responses | customers | experiment_units | experiment_arm_summaries
                   (default: detected from the headers)
  --mapping M.json a column mapping (as saved by the desktop app, or {"mapping": …}); default:
                   the mapping saved for files with these headers, else the detected one
  --redact         replace e-mail addresses, phone, ID and card numbers before storing
  --format F       ${SOURCE_FORMATS.join(' | ')} (default: from the content and extension)
  --encoding E     ${SOURCE_ENCODINGS.join(' | ')} (default: detected)
  --delimiter D    the CSV field separator, one character (default: sniffed)
  --sheet NAME     the XLSX worksheet to import (default: the first)
  --json           print {"batches":[…]} on stdout`

interface BatchReport {
  file: string
  kind: RecordKind
  preset: string | null
  rowsRead: number
  inserted: number
  updated: number
  unchanged: number
  rejected: number
  rejects: Array<{ line: number; reason: string }>
  /** Milliseconds until the rows were committed, and for the whole import. */
  committedMs: number
  elapsedMs: number
}

/** `loopbench import`: imports files through the same pipeline as the import wizard. */
export async function runImport(argv: string[], ctx: CliContext): Promise<number> {
  const { io } = ctx
  let json = false
  try {
    const { values, positionals } = parseCommandArgs(
      'import',
      argv,
      {
        workspace: { type: 'string', short: 'w' },
        kind: { type: 'string' },
        mapping: { type: 'string' },
        redact: { type: 'boolean' },
        format: { type: 'string' },
        encoding: { type: 'string' },
        delimiter: { type: 'string' },
        sheet: { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' }
      },
      true
    )
    json = values.json === true
    if (values.help) {
      io.stdout(IMPORT_USAGE + '\n')
      return EXIT_OK
    }
    const workspace = requireString('import', values, 'workspace')
    if (positionals.length === 0) throw new UsageError('import: name at least one FILE to import')
    const kind = values.kind as string | undefined
    if (kind !== undefined && !(RECORD_KINDS as readonly string[]).includes(kind)) {
      throw new UsageError(`import: --kind must be one of ${RECORD_KINDS.join(', ')}`)
    }
    const readOverrides = parseReadOverrides(values)
    const fixedMapping =
      typeof values.mapping === 'string' ? readMapping(resolve(io.cwd, values.mapping)) : null

    return await withWorkbench(ctx, workspace, { create: true }, async (workbench) => {
      const h = workbench.handlers
      const settings = await h['settings.get']({})
      const reports: BatchReport[] = []
      const failures: Array<{ file: string; error: ApiErrorData }> = []
      for (const arg of positionals) {
        const path = resolve(io.cwd, arg)
        try {
          const preview = await h['import.inspect']({
            source: { path },
            ...(readOverrides ? { read: readOverrides } : {}),
            ...(kind ? { kind: kind as RecordKind } : {})
          })
          const mapping = fixedMapping ?? preview.mapping
          if (!json)
            io.stderr(
              `Importing ${arg} as ${mapping.kind}${mapping.preset ? ` (${mapping.preset} layout)` : ''}…\n`
            )
          const { jobId } = await h['import.start']({
            source: { path },
            read: {
              format: preview.read.format,
              encoding: preview.read.encoding,
              headerRows: preview.read.headerRows,
              ...(preview.read.delimiter ? { delimiter: preview.read.delimiter } : {}),
              ...(preview.read.sheet ? { sheet: preview.read.sheet } : {})
            },
            mapping,
            options: {
              redact: values.redact === true || settings.importRedactByDefault,
              rejectThreshold: settings.importRejectThreshold
            }
          })
          const result = await h['import.result']({ jobId })
          reports.push(report(result))
          if (!json) io.stdout(describe(arg, result))
        } catch (error) {
          const data =
            error instanceof ApiError ? error.toData() : new ApiError('internal', String(error)).toData()
          if (data.code === 'invalid_input' && Array.isArray(data.details?.missing)) {
            data.message +=
              ' Pass --mapping M.json to say which columns hold them, or --kind if the kind was misread.'
          }
          failures.push({ file: arg, error: data })
          if (!json) {
            io.stderr(`loopbench: error: ${data.message}\n`)
            const rejects = data.details?.rejects
            if (data.code === 'import_rejected' && Array.isArray(rejects)) {
              const lines = rejectLines(
                arg,
                rejects as Array<{ line: number; reason: string }>,
                Number(data.details?.rejected ?? rejects.length),
                '(--json lists them all)'
              )
              io.stderr(lines.map((line) => line + '\n').join(''))
            }
          }
        }
      }
      if (json) {
        io.stdout(JSON.stringify({ batches: reports }) + '\n')
        for (const failure of failures)
          io.stderr(JSON.stringify({ file: failure.file, error: failure.error }) + '\n')
      }
      return failures.length === 0 ? EXIT_OK : EXIT_FAILED
    })
  } catch (error) {
    return reportError(io, error, json)
  }
}

/** `--format`, `--encoding`, `--delimiter`, `--sheet`: what the reader would otherwise detect. */
function parseReadOverrides(values: Record<string, unknown>): ReadOptions | null {
  const given = Object.fromEntries(
    (['format', 'encoding', 'delimiter', 'sheet'] as const)
      .filter((key) => typeof values[key] === 'string')
      .map((key) => [key, values[key] === '\\t' ? '\t' : values[key]])
  )
  if (Object.keys(given).length === 0) return null
  const parsed = ReadOptionsSchema.safeParse(given)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    throw new UsageError(`import: --${String(issue.path[0])} ${describeReadIssue(String(issue.path[0]))}`)
  }
  return parsed.data
}

function describeReadIssue(option: string): string {
  switch (option) {
    case 'format':
      return `must be one of ${SOURCE_FORMATS.join(', ')}`
    case 'encoding':
      return `must be one of ${SOURCE_ENCODINGS.join(', ')}`
    case 'delimiter':
      return 'must be one character (\\t for a tab)'
    default:
      return 'must be a worksheet name'
  }
}

function readMapping(path: string): ImportMapping {
  let raw: unknown
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'))
  } catch (error) {
    throw new ApiError('invalid_input', `Cannot read the mapping file ${path}: ${(error as Error).message}`, {
      path
    })
  }
  const candidate =
    typeof raw === 'object' && raw !== null && 'mapping' in raw ? (raw as { mapping: unknown }).mapping : raw
  const parsed = ImportMappingSchema.safeParse(candidate)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new ApiError(
      'invalid_input',
      `The mapping file ${path} is not a valid mapping (${issue?.path.join('.') || 'mapping'}: ${issue?.message ?? 'invalid'}).`,
      { path }
    )
  }
  return parsed.data
}

function report(r: ImportResult): BatchReport {
  return {
    file: r.file,
    kind: r.kind,
    preset: r.preset,
    rowsRead: r.rowsRead,
    inserted: r.inserted,
    updated: r.updated,
    unchanged: r.unchanged,
    rejected: r.rejected,
    rejects: r.rejects.map((x) => ({ line: x.line, reason: x.reason })),
    committedMs: r.committedMs,
    elapsedMs: r.elapsedMs
  }
}

function describe(file: string, r: ImportResult): string {
  const lines = [
    `${file}: batch ${r.batchId}, ${formatCount(r.rowsRead)} rows read — ${formatCount(r.inserted)} inserted, ` +
      `${formatCount(r.updated)} updated, ${formatCount(r.unchanged)} unchanged, ${formatCount(r.rejected)} rejected ` +
      `(${(r.elapsedMs / 1000).toFixed(1)} s)`
  ]
  const redacted = r.redactions.email + r.redactions.phone + r.redactions.idNumber + r.redactions.card
  if (redacted > 0) {
    lines.push(
      `  redacted: ${r.redactions.email} e-mail, ${r.redactions.phone} phone, ${r.redactions.idNumber} ID, ${r.redactions.card} card numbers`
    )
  }
  for (const w of r.warnings) lines.push(`  warning: ${w}`)
  lines.push(...rejectLines(file, r.rejects, r.rejected, '(loopbench batches --workspace W --json)'))
  return lines.join('\n') + '\n'
}

const SHOWN_REJECTS = 20

/** `file:line: reason` for the first rejected rows, and how many more there are. */
function rejectLines(
  file: string,
  rejects: ReadonlyArray<{ line: number; reason: string }>,
  total: number,
  more: string
): string[] {
  const lines = rejects.slice(0, SHOWN_REJECTS).map((x) => `  ${file}:${x.line}: ${x.reason}`)
  if (total > SHOWN_REJECTS) lines.push(`  … and ${formatCount(total - SHOWN_REJECTS)} more ${more}`)
  return lines
}
