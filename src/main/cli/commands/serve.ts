import { resolve } from 'node:path'
import { createWorkbench } from '../../core/composition-root'
import { defaultConfigDir } from '../../core/preferences/user-config'
import { startWebHost } from '../../web/web-host'
import type { CliContext } from '../cli-io'
import { optionalInt, parseCommandArgs, requireString } from '../args'
import { EXIT_OK, reportError } from '../output'
import { chromiumPdfPrinter } from '../../hosting/chromium-pdf'

export const SERVE_USAGE = `Usage: loopbench serve --workspace FILE [--port N] [--create] [--max-upload MB] [--json]

Serves the workbench for one workspace to a browser on this computer only (127.0.0.1),
behind a random access token that is part of the printed address.

  --workspace FILE   the workspace to serve (it stays the only one this server opens)
  --port N           port to listen on (default: a free port)
  --create           create an empty workspace if FILE does not exist
  --max-upload MB    largest file accepted for import by upload (default 2048)
  --json             print {"url", "port", "workspace"} as one JSON line`

/** `loopbench serve`: the web host, until Ctrl+C. */
export async function runServe(argv: string[], ctx: CliContext): Promise<number> {
  const { io } = ctx
  let json = false
  try {
    const { values } = parseCommandArgs('serve', argv, {
      workspace: { type: 'string', short: 'w' },
      port: { type: 'string', short: 'p' },
      create: { type: 'boolean' },
      'max-upload': { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' }
    })
    json = values.json === true
    if (values.help) {
      io.stdout(SERVE_USAGE + '\n')
      return EXIT_OK
    }
    const path = resolve(io.cwd, requireString('serve', values, 'workspace'))
    const port = optionalInt('serve', values, 'port', 0, 65535) ?? 0
    const maxUploadMb = optionalInt('serve', values, 'max-upload', 1, 1024 * 1024) ?? 2048

    const workbench = await createWorkbench({
      host: {
        kind: 'web',
        capabilities: { switchWorkspace: false, nativeDialogs: false, upload: true },
        platform: process.platform,
        pdfPrinter: chromiumPdfPrinter({ env: io.env })
      },
      appVersion: ctx.version,
      configDir: defaultConfigDir(io.env),
      workspacePath: path,
      createIfMissing: values.create === true,
      ...(ctx.paths.jobWorkerScript ? { jobWorkerScript: ctx.paths.jobWorkerScript } : {})
    })
    const uploads = workbench.uploads
    if (!uploads) throw new Error('The web host needs an upload folder.')
    let host
    try {
      host = await startWebHost({
        workbench,
        uploads,
        staticDir: ctx.paths.staticDir,
        port,
        maxUploadBytes: maxUploadMb * 1024 * 1024,
        log: (line) => io.stderr(`loopbench serve: ${line}\n`)
      })
    } catch (error) {
      workbench.dispose()
      throw error
    }
    if (json) {
      io.stdout(JSON.stringify({ url: host.url, port: host.port, workspace: path }) + '\n')
    } else {
      io.stdout(
        `Loopbench is serving ${path}\n` +
          `  Open: ${host.url}\n` +
          `Only this computer can connect (127.0.0.1), and only with the token in this address.\n` +
          `Press Ctrl+C to stop.\n`
      )
    }
    await io.stopSignal
    await host.close()
    workbench.dispose()
    if (!json) io.stderr('Stopped; the workspace was closed cleanly.\n')
    return EXIT_OK
  } catch (error) {
    return reportError(io, error, json)
  }
}
