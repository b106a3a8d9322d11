import { fileURLToPath } from 'node:url'
import { startDesktopApp } from './desktop-app'
import { createElectronPorts } from './electron-runtime'

/*
 * The Electron main entry (out/main/index.js): binds the ports to Electron and starts the app.
 * The paths are resolved here, in the entry bundle itself, because `import.meta.url` of a shared
 * chunk would point into out/main/chunks.
 */
const ports = createElectronPorts()

startDesktopApp(ports, {
  paths: {
    preload: fileURLToPath(new URL('../preload/index.cjs', import.meta.url)),
    rendererDir: fileURLToPath(new URL('../renderer', import.meta.url)),
    jobWorker: new URL('./job-worker.js', import.meta.url)
  },
  env: process.env,
  argv: process.argv
}).catch((error: unknown) => {
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error)
  console.error('[loopbench] The desktop app could not start:', detail)
  ports.dialog.showErrorBox('Loopbench could not start', detail)
  ports.app.quit()
})
