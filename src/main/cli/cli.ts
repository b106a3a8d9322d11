import type { CliContext } from './cli-io'
import { UsageError } from './cli-io'
import { runDemo } from './commands/demo'
import { runImport } from './commands/import'
import { runBatches, runUndoImport } from './commands/batches'
import { runServe } from './commands/serve'
import { runMetrics } from './commands/metrics'
import { runPower } from './commands/power'
import { runExperiments } from './commands/experiments'
import { runThemes } from './commands/themes'
import { runPriorities } from './commands/priorities'
import { runReport } from './commands/report'
import { runBackup, runRestore } from './commands/backup'
import { EXIT_OK, reportError } from './output'

type Command = (argv: string[], ctx: CliContext) => Promise<number>

const COMMANDS: Readonly<Record<string, { run: Command; summary: string }>> = {
  import: { run: runImport, summary: 'import ticket, survey, customer or experiment exports' },
  batches: { run: runBatches, summary: 'list import batches with their provenance' },
  'undo-import': { run: runUndoImport, summary: 'remove an import batch' },
  metrics: { run: runMetrics, summary: 'CSAT and NPS by period or segment, with tested changes' },
  experiments: { run: runExperiments, summary: 'A/B test results with a decision and its reason' },
  themes: { run: runThemes, summary: 'complaint themes with volume, trend and satisfaction impact' },
  priorities: { run: runPriorities, summary: 'the quarterly feature-priority list, scored and ranked' },
  report: { run: runReport, summary: 'the quarterly review report as HTML (and PDF)' },
  power: { run: runPower, summary: 'units per arm an A/B test needs to detect an effect' },
  backup: { run: runBackup, summary: 'write a consistent copy of a workspace' },
  restore: { run: runRestore, summary: 'replace a workspace with a backup of it' },
  demo: { run: runDemo, summary: 'build the demo workspace' },
  serve: { run: runServe, summary: 'serve the workbench to a browser on this computer' }
}

/** Commands of the documented contract that later versions add. */
const PLANNED = [
  'import',
  'batches',
  'undo-import',
  'metrics',
  'experiments',
  'power',
  'themes',
  'priorities',
  'report',
  'backup',
  'restore'
]

/** The top-level usage text. */
export function usage(version: string): string {
  const width = Math.max(...Object.keys(COMMANDS).map((c) => c.length))
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`)
  return `Loopbench ${version} — the offline workbench for the customer-feedback loop

Usage: loopbench <command> [options]

Commands:
${lines.join('\n')}

Options:
  -h, --help     show help (also: loopbench <command> --help)
  -v, --version  show the version

Everything runs on this computer; nothing is sent anywhere.
`
}

/** Runs the command line and returns the exit code. */
export async function runCli(argv: string[], ctx: CliContext): Promise<number> {
  const [first, ...rest] = argv
  if (first === undefined || first === '-h' || first === '--help' || first === 'help') {
    const topic = first === 'help' ? rest[0] : undefined
    if (topic && COMMANDS[topic]) return COMMANDS[topic].run(['--help'], ctx)
    ctx.io.stdout(usage(ctx.version))
    return EXIT_OK
  }
  if (first === '-v' || first === '--version' || first === 'version') {
    ctx.io.stdout(`loopbench ${ctx.version}\n`)
    return EXIT_OK
  }
  const command = COMMANDS[first]
  if (!command) {
    const message = PLANNED.includes(first)
      ? `'${first}' is not available in this version of Loopbench`
      : `unknown command '${first}'`
    return reportError(ctx.io, new UsageError(message), argv.includes('--json'))
  }
  return command.run(rest, ctx)
}
