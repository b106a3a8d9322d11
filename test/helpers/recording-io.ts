import type { CliIo } from '../../src/main/cli/cli-io'

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
