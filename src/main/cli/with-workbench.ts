import { resolve } from 'node:path'
import type { Workbench } from '../core/composition-root'
import { createWorkbench } from '../core/composition-root'
import { defaultConfigDir } from '../core/preferences/user-config'
import type { CliContext } from './cli-io'
import { chromiumPdfPrinter } from '../hosting/chromium-pdf'

/**
 * Runs a one-shot command against a workspace through the same service the UI uses, and
 * closes the workspace afterwards whatever happens.
 */
export async function withWorkbench<T>(
  ctx: CliContext,
  workspace: string,
  options: { create: boolean },
  run: (workbench: Workbench, path: string) => Promise<T>
): Promise<T> {
  const path = resolve(ctx.io.cwd, workspace)
  return runWith(ctx, { workspacePath: path, createIfMissing: options.create }, (workbench) =>
    run(workbench, path)
  )
}

/** Runs a command that needs no workspace (a calculation) through the same service. */
export function withoutWorkspace<T>(ctx: CliContext, run: (workbench: Workbench) => Promise<T>): Promise<T> {
  return runWith(ctx, {}, run)
}

async function runWith<T>(
  ctx: CliContext,
  workspace: { workspacePath?: string; createIfMissing?: boolean },
  run: (workbench: Workbench) => Promise<T>
): Promise<T> {
  const workbench = await createWorkbench({
    host: {
      kind: 'cli',
      capabilities: { switchWorkspace: false, nativeDialogs: false, upload: false },
      platform: process.platform,
      pdfPrinter: chromiumPdfPrinter({ env: ctx.io.env })
    },
    appVersion: ctx.version,
    configDir: defaultConfigDir(ctx.io.env),
    ...workspace,
    ...(ctx.paths.jobWorkerScript ? { jobWorkerScript: ctx.paths.jobWorkerScript } : {})
  })
  try {
    return await run(workbench)
  } finally {
    workbench.dispose()
  }
}
