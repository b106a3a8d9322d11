import { join } from 'node:path'
import type { CliContext, CliIo } from '../../src/main/cli/cli-io'
import { Workspace } from '../../src/main/core/store/workspace'
import { makeTempDir } from './temp-dir'

export interface RecordingIo extends CliIo {
  out: string
  err: string
  stop(): void
}

/** A CliIo that records what a command prints, in a given working folder and environment. */
export function recordingIo(cwd: string, env: NodeJS.ProcessEnv = {}): RecordingIo {
  let stop: () => void = () => undefined
  const stopSignal = new Promise<void>((resolve) => (stop = resolve))
  const io: RecordingIo = {
    out: '',
    err: '',
    isTty: false,
    env,
    cwd,
    stopSignal,
    stdout: (text) => {
      io.out += text
    },
    stderr: (text) => {
      io.err += text
    },
    stop: () => stop()
  }
  return io
}

/** What a CLI test runs commands with: a recording io in `dir`, its config folder inside it. */
export function cliContext(dir: string, env: NodeJS.ProcessEnv = {}): { io: RecordingIo; ctx: CliContext } {
  const io = recordingIo(dir, { LOOPBENCH_CONFIG_DIR: join(dir, 'config'), ...env })
  return { io, ctx: { io, paths: { staticDir: dir }, version: '4.5.6' } }
}

/**
 * A CLI test's ground: a temporary folder, a recording context and a new workspace at
 * `w.loopbench` in it, written by `fill` and closed again so that the command opens it.
 */
export async function cliWorkspace(
  fill: (ws: Workspace) => void,
  env: NodeJS.ProcessEnv = {}
): Promise<{ dir: string; cleanup: () => void; io: RecordingIo; ctx: CliContext; path: string }> {
  const { dir, cleanup } = makeTempDir()
  const path = join(dir, 'w.loopbench')
  const ws = await Workspace.create(path)
  try {
    fill(ws)
  } finally {
    ws.close()
  }
  return { dir, cleanup, path, ...cliContext(dir, env) }
}
