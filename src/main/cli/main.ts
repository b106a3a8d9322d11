import { fileURLToPath } from 'node:url'
import packageJson from '../../../package.json'
import { runCli } from './cli'

/** Entry of `npx loopbench` (out/main/cli.js). */
const stopSignal = new Promise<void>((resolve) => {
  process.once('SIGINT', () => resolve())
  process.once('SIGTERM', () => resolve())
})

const code = await runCli(process.argv.slice(2), {
  version: packageJson.version,
  paths: {
    staticDir: fileURLToPath(new URL('../renderer/', import.meta.url)),
    jobWorkerScript: new URL('./job-worker.js', import.meta.url)
  },
  io: {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    isTty: process.stderr.isTTY === true,
    env: process.env,
    cwd: process.cwd(),
    stopSignal
  }
})
process.exitCode = code
