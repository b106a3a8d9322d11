import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CLI, ROOT } from './paths'

export interface ServeProcess {
  /** The address with its token, as `loopbench serve` printed it. */
  url: string
  port: number
  /** The address without the token (what the page shows after the first visit). */
  origin: string
  stop(): Promise<number | null>
  /** Everything the process wrote to stderr so far (for failure messages). */
  stderr(): string
}

/** Starts `loopbench serve` (the real CLI, as a user would) and waits for its address. */
export async function startServe(options: {
  workspace: string
  configDir: string
  port?: number
  extraArgs?: string[]
}): Promise<ServeProcess> {
  const args = [
    CLI,
    'serve',
    '--workspace',
    options.workspace,
    '--port',
    String(options.port ?? 0),
    '--json',
    ...(options.extraArgs ?? [])
  ]
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, LOOPBENCH_CONFIG_DIR: options.configDir },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let out = ''
  let err = ''
  child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()))
  const printed = await new Promise<{ url: string; port: number }>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`loopbench serve did not start within 20 s.\n${err}`)),
      20_000
    )
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const line = out.split('\n')[0]
      if (out.includes('\n') && line) {
        clearTimeout(timer)
        try {
          resolve(JSON.parse(line) as { url: string; port: number })
        } catch {
          reject(new Error(`Unexpected output from loopbench serve: ${line}`))
        }
      }
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`loopbench serve exited with code ${code} before it was ready.\n${err}`))
    })
  })
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  return {
    url: printed.url,
    port: printed.port,
    origin: `http://127.0.0.1:${printed.port}`,
    stderr: () => err,
    stop: async () => {
      if (child.exitCode !== null) return child.exitCode
      child.kill('SIGTERM')
      const timeout = setTimeout(() => child.kill('SIGKILL'), 10_000)
      const code = await exited
      clearTimeout(timeout)
      return code
    }
  }
}

/**
 * Runs `body` against `loopbench serve` on a new, empty workspace (created by `--create`) in a
 * temporary folder, then stops the server and removes the folder, whatever happened.
 */
export async function withEmptyWorkspace(body: (server: ServeProcess) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'loopbench-e2e-empty-'))
  const server = await startServe({
    workspace: join(dir, 'empty.loopbench'),
    configDir: join(dir, 'config'),
    extraArgs: ['--create']
  })
  try {
    await body(server)
  } finally {
    await server.stop()
    rmSync(dir, { recursive: true, force: true })
  }
}
