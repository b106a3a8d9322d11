import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

/** What the desktop tests print, and report as the skip reason, where Electron cannot run. */
export const NO_ELECTRON = 'skipped: no Electron binary'

/** The executable's path inside an Electron `dist` folder, per platform (as electron's install.js writes it). */
function defaultExecutable(platform: NodeJS.Platform): string {
  if (platform === 'win32') return 'electron.exe'
  if (platform === 'darwin') return 'Electron.app/Contents/MacOS/Electron'
  return 'electron'
}

/**
 * The Electron executable to launch, or null when there is none. Never `require('electron')`:
 * since Electron 45 that downloads the binary on first use. Looks, in order, at
 * `ELECTRON_EXEC_PATH` (electron-vite's override), `ELECTRON_OVERRIDE_DIST_PATH` (electron's),
 * and `node_modules/electron/path.txt` with the `dist/` folder it names.
 */
export function findElectronBinary(root: string, env: NodeJS.ProcessEnv = process.env): string | null {
  const exists = (path: string | undefined): path is string => Boolean(path) && existsSync(path as string)
  if (exists(env.ELECTRON_EXEC_PATH)) return env.ELECTRON_EXEC_PATH
  const packageDir = join(root, 'node_modules', 'electron')
  const pathFile = join(packageDir, 'path.txt')
  const named = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : ''
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const candidate = join(env.ELECTRON_OVERRIDE_DIST_PATH, named || defaultExecutable(process.platform))
    return exists(candidate) ? candidate : null
  }
  if (!named) return null
  const candidate = join(packageDir, 'dist', named)
  return exists(candidate) ? candidate : null
}
