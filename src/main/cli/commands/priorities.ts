import { writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { PriorityFormat } from '@shared/domain/priorities'
import { PRIORITY_FORMATS } from '@shared/domain/priorities'
import type { CliContext } from '../cli-io'
import { UsageError } from '../cli-io'
import { parseCommandArgs, requireString } from '../args'
import { EXIT_OK, reportError } from '../output'
import { withWorkbench } from '../with-workbench'

export const PRIORITIES_USAGE = `Usage: loopbench priorities --workspace W [--quarter 2026-Q3] [--format md|csv|json|jira-csv]
                            [--out FILE]

The quarterly feature-priority list: every priority item, and every complaint theme no item
covers, scored RICE-style — reach (customers who raised it in the quarter) × impact (from its
drag on CSAT and NPS, raised when it grows against the previous quarter) × confidence ÷ effort
(person-weeks) — then ranked, with manual rank overrides and each row's rank in the previous
quarter. The quarter defaults to the latest with tickets. Markdown is printed unless --format
says otherwise; --out writes the file instead (CSV with a UTF-8 BOM for Excel; jira-csv is the
CSV Jira's and Linear's importers read as issues). Run \`loopbench themes\` first to find themes.`

/** `loopbench priorities`. */
export async function runPriorities(argv: string[], ctx: CliContext): Promise<number> {
  const { io } = ctx
  let json = false
  try {
    const { values } = parseCommandArgs('priorities', argv, {
      workspace: { type: 'string', short: 'w' },
      quarter: { type: 'string', short: 'q' },
      format: { type: 'string', short: 'f' },
      out: { type: 'string', short: 'o' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' }
    })
    if (values.help) {
      io.stdout(PRIORITIES_USAGE + '\n')
      return EXIT_OK
    }
    const format = (values.json === true ? 'json' : (values.format ?? 'md')) as PriorityFormat
    json = format === 'json'
    if (!(PRIORITY_FORMATS as readonly string[]).includes(format))
      throw new UsageError(`priorities: --format must be one of ${PRIORITY_FORMATS.join(', ')}`)
    const workspace = requireString('priorities', values, 'workspace')
    const quarter = typeof values.quarter === 'string' ? values.quarter : undefined
    return await withWorkbench(ctx, workspace, { create: false }, async (workbench) => {
      const h = workbench.handlers
      const themes = await h['themes.list']({})
      if (themes.run === null)
        io.stderr(
          'No themes yet: only items added by hand are listed. Run `loopbench themes` to find themes.\n'
        )
      const exported = await h['priorities.export']({ format, ...(quarter !== undefined ? { quarter } : {}) })
      if (typeof values.out === 'string') {
        const path = resolve(io.cwd, values.out)
        writeFileSync(path, exported.content, 'utf8')
        io.stderr(`Wrote ${path}\n`)
      } else {
        io.stdout(exported.content)
      }
      return EXIT_OK
    })
  } catch (error) {
    return reportError(io, error, json)
  }
}
