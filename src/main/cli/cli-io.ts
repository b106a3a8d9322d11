/** What a command may touch of its process; tests pass a recording implementation. */
export interface CliIo {
  stdout(text: string): void
  stderr(text: string): void
  /** True when stderr is a terminal (progress redraws one line). */
  isTty: boolean
  env: NodeJS.ProcessEnv
  cwd: string
  /** Resolves when the user asks the process to stop (Ctrl+C, SIGTERM). */
  stopSignal: Promise<void>
}

/** Where the built artefacts are, relative to the running CLI bundle. */
export interface CliPaths {
  /** The built renderer the web host serves. */
  staticDir: string
  /** The job worker; jobs run inline when absent. */
  jobWorkerScript?: URL | string
}

export interface CliContext {
  io: CliIo
  paths: CliPaths
  version: string
}

/** A usage mistake: exit code 2 and a pointer to --help. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'UsageError'
  }
}
