import type { CliContext } from '../cli-io'
import { UsageError } from '../cli-io'
import { parseCommandArgs, requireString } from '../args'
import { EXIT_OK, formatCount, reportError } from '../output'
import { withWorkbench } from '../with-workbench'

export const BATCHES_USAGE = `Usage: loopbench batches --workspace W [--json]

Lists the import batches of a workspace, newest first: file, kind, counts, and whether the
batch was removed.`

export const UNDO_USAGE = `Usage: loopbench undo-import BATCH --workspace W [--json]

Removes an import batch: rows only it supplied disappear, rows it changed return to what the
remaining batches say.`

/** `loopbench batches`. */
export async function runBatches(argv: string[], ctx: CliContext): Promise<number> {
  const { io } = ctx
  let json = false
  try {
    const { values } = parseCommandArgs('batches', argv, {
      workspace: { type: 'string', short: 'w' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' }
    })
    json = values.json === true
    if (values.help) {
      io.stdout(BATCHES_USAGE + '\n')
      return EXIT_OK
    }
    const workspace = requireString('batches', values, 'workspace')
    return await withWorkbench(ctx, workspace, { create: false }, async (workbench) => {
      const batches = await workbench.handlers['batches.list']({})
      if (json) {
        io.stdout(JSON.stringify({ batches }) + '\n')
        return EXIT_OK
      }
      if (batches.length === 0) {
        io.stdout('No imports yet.\n')
        return EXIT_OK
      }
      for (const b of batches) {
        const when = new Date(b.startedAt).toISOString().replace('T', ' ').slice(0, 16)
        io.stdout(
          `${String(b.id).padStart(4)}  ${when}  ${b.kind.padEnd(24)}  ${b.sourceName}${b.status === 'undone' ? '  (removed)' : ''}\n` +
            `      ${formatCount(b.rowsRead)} read, ${formatCount(b.inserted)} inserted, ${formatCount(b.updated)} updated, ` +
            `${formatCount(b.unchanged)} unchanged, ${formatCount(b.rejected)} rejected${b.preset ? `; ${b.preset} layout` : ''}\n`
        )
      }
      return EXIT_OK
    })
  } catch (error) {
    return reportError(io, error, json)
  }
}

/** `loopbench undo-import`. */
export async function runUndoImport(argv: string[], ctx: CliContext): Promise<number> {
  const { io } = ctx
  let json = false
  try {
    const { values, positionals } = parseCommandArgs(
      'undo-import',
      argv,
      {
        workspace: { type: 'string', short: 'w' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' }
      },
      true
    )
    json = values.json === true
    if (values.help) {
      io.stdout(UNDO_USAGE + '\n')
      return EXIT_OK
    }
    const workspace = requireString('undo-import', values, 'workspace')
    const batch = positionals[0]
    if (positionals.length !== 1 || !batch || !/^\d+$/.test(batch) || Number(batch) < 1) {
      throw new UsageError('undo-import: name one BATCH by its number (see loopbench batches)')
    }
    return await withWorkbench(ctx, workspace, { create: false }, async (workbench) => {
      const result = await workbench.handlers['batches.undo']({ batchId: Number(batch) })
      if (json) io.stdout(JSON.stringify(result) + '\n')
      else {
        io.stdout(
          `Removed import batch ${result.batchId}: ${formatCount(result.removed)} rows removed, ${formatCount(result.restored)} restored to earlier values.\n`
        )
      }
      return EXIT_OK
    })
  } catch (error) {
    return reportError(io, error, json)
  }
}
