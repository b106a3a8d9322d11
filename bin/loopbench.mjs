#!/usr/bin/env node
// Launcher of the `loopbench` command: checks the runtime and the build, then runs the CLI bundle.
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const [major, minor] = process.versions.node.split('.').map(Number)
if (major < 22 || (major === 22 && minor < 12)) {
  process.stderr.write(
    `loopbench: Node.js 22.12 or newer is required (this is ${process.versions.node}).\n` +
      'Install it from the npm registry: npm install -g --prefix "$HOME/.local/node22" node@22\n' +
      'and put "$HOME/.local/node22/bin" first on your PATH.\n'
  )
  process.exit(1)
}
const cli = fileURLToPath(new URL('../out/main/cli.js', import.meta.url))
if (!existsSync(cli)) {
  process.stderr.write('loopbench: the command line is not built yet. Run `npm run build` first.\n')
  process.exit(1)
}
await import(cli)
