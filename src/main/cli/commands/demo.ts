import { resolve } from 'node:path'
import { buildDemoWorkspace } from '../../core/demo/build-demo'
import type { CliContext } from '../cli-io'
import { parseCommandArgs, requireString } from '../args'
import { EXIT_OK, formatCount, reportError } from '../output'

export const DEMO_USAGE = `Usage: loopbench demo --workspace FILE [--themes] [--json]

Builds the demo workspace: a year of tickets, survey responses and experiments of a fictional
company, in English and Chinese, at FILE (which must not exist yet). With --themes it also finds
the complaint themes and groups them under the demo's priority items, as a planner would after
the first themes run (about a minute more).`

/** `loopbench demo`: builds the demo workspace. */
export async function runDemo(argv: string[], ctx: CliContext): Promise<number> {
  const { io } = ctx
  let json = false
  try {
    const { values } = parseCommandArgs('demo', argv, {
      workspace: { type: 'string', short: 'w' },
      json: { type: 'boolean' },
      themes: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' }
    })
    json = values.json === true
    if (values.help) {
      io.stdout(DEMO_USAGE + '\n')
      return EXIT_OK
    }
    const path = resolve(io.cwd, requireString('demo', values, 'workspace'))
    let lastLine = 0
    const summary = await buildDemoWorkspace(path, {
      appVersion: ctx.version,
      themes: values.themes === true,
      context: {
        isCancelled: () => false,
        reportProgress: (done, total, message) => {
          if (json) return
          const pct = total > 0 ? Math.floor((done / total) * 100) : 0
          if (io.isTty) io.stderr(`\r${message} ${pct}%`.padEnd(60))
          else if (Date.now() - lastLine > 1000) {
            lastLine = Date.now()
            io.stderr(`${message} ${pct}%\n`)
          }
        }
      }
    })
    if (io.isTty && !json) io.stderr('\r'.padEnd(61) + '\r')
    if (json) {
      io.stdout(JSON.stringify(summary) + '\n')
    } else {
      io.stdout(
        `Built the demo workspace at ${summary.path} in ${(summary.elapsedMs / 1000).toFixed(1)} s:\n` +
          `  ${formatCount(summary.tickets)} tickets, ${formatCount(summary.surveyResponses)} survey responses, ` +
          `${formatCount(summary.customers)} customers, ${summary.experiments} experiments.\n` +
          `Open it with: loopbench serve --workspace ${summary.path}\n`
      )
    }
    return EXIT_OK
  } catch (error) {
    return reportError(io, error, json)
  }
}
