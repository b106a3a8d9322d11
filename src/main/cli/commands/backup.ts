import { resolve } from 'node:path'
import { backupWorkspace, restoreWorkspace } from '../../core/store/workspace-backup'
import type { CliContext } from '../cli-io'
import { parseCommandArgs, requireString } from '../args'
import { EXIT_OK, formatBytes, reportError } from '../output'

export const BACKUP_USAGE = `Usage: loopbench backup --workspace W --out FILE [--json]

Writes a consistent copy of the workspace W to FILE with SQLite's online backup: it holds what
was committed when the copy was made, also while the app has W open. FILE is readable by you
only, and an existing FILE is never replaced.

  --json  print {"workspace","out","bytes","schemaVersion"} on stdout`

export const RESTORE_USAGE = `Usage: loopbench restore --workspace W --from FILE [--json]

Replaces the workspace W with the backup FILE. FILE must be a Loopbench workspace this version
can open; W, if it exists, must be one too, and must not be open in another program. The copy is
written beside W and renamed over it in one step, so W is never left half-restored. A backup of
an older schema is upgraded (with its own backup first) the next time W is opened.

  --json  print {"workspace","from","schemaVersion","replaced"} on stdout`

/** `loopbench backup`. */
export async function runBackup(argv: string[], ctx: CliContext): Promise<number> {
  const { io } = ctx
  let json = false
  try {
    const { values } = parseCommandArgs('backup', argv, {
      workspace: { type: 'string', short: 'w' },
      out: { type: 'string', short: 'o' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' }
    })
    json = values.json === true
    if (values.help) {
      io.stdout(BACKUP_USAGE + '\n')
      return EXIT_OK
    }
    const workspace = resolve(io.cwd, requireString('backup', values, 'workspace'))
    const out = resolve(io.cwd, requireString('backup', values, 'out'))
    const result = await backupWorkspace(workspace, out)
    if (json) io.stdout(JSON.stringify(result) + '\n')
    else {
      io.stdout(
        `Backed up ${result.workspace} to ${result.out} (${formatBytes(result.bytes)}, workspace schema ${result.schemaVersion}).\n`
      )
    }
    return EXIT_OK
  } catch (error) {
    return reportError(io, error, json)
  }
}

/** `loopbench restore`. */
export async function runRestore(argv: string[], ctx: CliContext): Promise<number> {
  const { io } = ctx
  let json = false
  try {
    const { values } = parseCommandArgs('restore', argv, {
      workspace: { type: 'string', short: 'w' },
      from: { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' }
    })
    json = values.json === true
    if (values.help) {
      io.stdout(RESTORE_USAGE + '\n')
      return EXIT_OK
    }
    const workspace = resolve(io.cwd, requireString('restore', values, 'workspace'))
    const from = resolve(io.cwd, requireString('restore', values, 'from'))
    const result = await restoreWorkspace(workspace, from)
    if (json) io.stdout(JSON.stringify(result) + '\n')
    else {
      io.stdout(
        `Restored ${result.workspace} from ${result.from} (workspace schema ${result.schemaVersion}${result.replaced ? '' : '; there was no workspace there before'}).\n`
      )
    }
    return EXIT_OK
  } catch (error) {
    return reportError(io, error, json)
  }
}
