#!/usr/bin/env node
// `npm start`: builds and opens the desktop app. Electron 45 fetches its binary on first use
// rather than at install time, so fetch it here when it is missing (on an online machine);
// where it cannot be fetched, say so and how to use the browser instead.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

const root = new URL('..', import.meta.url).pathname
const electronDir = join(root, 'node_modules', 'electron')

function electronExecutable() {
  if (process.env.ELECTRON_EXEC_PATH) return process.env.ELECTRON_EXEC_PATH
  const pathFile = join(electronDir, 'path.txt')
  const name = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : ''
  return name ? join(electronDir, 'dist', name) : ''
}

let exe = electronExecutable()
if (!exe || !existsSync(exe)) {
  console.log('Loopbench: fetching the Electron binary (first start)…')
  spawnSync(process.execPath, [join(electronDir, 'install.js')], { cwd: root, stdio: 'inherit' })
  exe = electronExecutable()
}
if (!exe || !existsSync(exe)) {
  console.error(
    'Loopbench: the desktop app needs the Electron binary, and it could not be fetched on this machine.\n' +
      'Connect to the internet once and run `npm start` again, or set ELECTRON_EXEC_PATH to an Electron 45 executable.\n' +
      'Without Electron the same workbench runs in a browser:\n' +
      '  npm run build && npx loopbench demo --workspace demo.loopbench && npx loopbench serve --workspace demo.loopbench'
  )
  process.exit(1)
}
const bin = join(root, 'node_modules', '.bin', 'electron-vite')
const result = spawnSync(bin, ['preview', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, ELECTRON_EXEC_PATH: exe }
})
process.exit(result.status ?? 1)
