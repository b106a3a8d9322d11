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

/**
 * A command on a workspace and one other file (`--out` for backup, `--from` for restore): parses
 * both paths, runs the core operation, prints its result as a sentence or, with --json, as JSON.
 */
function workspaceFileCommand<R>(
  name: string,
  usage: string,
  fileOption: 'out' | 'from',
  operation: (workspace: string, file: string) => Promise<R>,
  sentence: (result: R) => string
): (argv: string[], ctx: CliContext) => Promise<number> {
  return async (argv, { io }) => {
    let json = false
    try {
      const { values } = parseCommandArgs(name, argv, {
        workspace: { type: 'string', short: 'w' },
        [fileOption]: fileOption === 'out' ? { type: 'string', short: 'o' } : { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' }
      })
      json = values.json === true
      if (values.help) {
        io.stdout(usage + '\n')
        return EXIT_OK
      }
      const workspace = resolve(io.cwd, requireString(name, values, 'workspace'))
      const file = resolve(io.cwd, requireString(name, values, fileOption))
      const result = await operation(workspace, file)
      io.stdout((json ? JSON.stringify(result) : sentence(result)) + '\n')
      return EXIT_OK
    } catch (error) {
      return reportError(io, error, json)
    }
  }
}

/** `loopbench backup`. */
export const runBackup = workspaceFileCommand(
  'backup',
  BACKUP_USAGE,
  'out',
  backupWorkspace,
  (r) =>
    `Backed up ${r.workspace} to ${r.out} (${formatBytes(r.bytes)}, workspace schema ${r.schemaVersion}).`
)

/** `loopbench restore`. */
export const runRestore = workspaceFileCommand(
  'restore',
  RESTORE_USAGE,
  'from',
  restoreWorkspace,
  (r) =>
    `Restored ${r.workspace} from ${r.from} (workspace schema ${r.schemaVersion}${r.replaced ? '' : '; there was no workspace there before'}).`
)
