import { chmodSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCli } from '../../../src/main/cli/cli'
import type { CliContext } from '../../../src/main/cli/cli-io'
import { Workspace } from '../../../src/main/core/store/workspace'
import { makeTempDir } from '../../helpers/temp-dir'
import { recordingIo } from '../../helpers/recording-io'
import type { RecordingIo } from '../../helpers/recording-io'
import { snapshotFile } from '../../helpers/file-snapshot'
import { rawRequest } from '../../helpers/http-request'

let dir: string
let cleanup: () => void
let io: RecordingIo
let ctx: CliContext

beforeEach(() => {
  ;({ dir, cleanup } = makeTempDir())
  io = recordingIo(dir, { LOOPBENCH_CONFIG_DIR: join(dir, 'config') })
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Loopbench</title>')
  ctx = { io, paths: { staticDir: dir }, version: '4.5.6' }
})
afterEach(() => cleanup())

describe('loopbench --help and --version', () => {
  it('prints usage with the commands and exits 0', async () => {
    expect(await runCli(['--help'], ctx)).toBe(0)
    expect(io.out).toMatch(/Usage: loopbench <command>/)
    expect(io.out).toMatch(/demo\s+build the demo workspace/)
    expect(io.out).toMatch(/serve\s+serve the workbench/)
    expect(io.err).toBe('')
  })

  it('prints the version', async () => {
    expect(await runCli(['--version'], ctx)).toBe(0)
    expect(io.out).toBe('loopbench 4.5.6\n')
  })

  it('shows a command’s own help', async () => {
    expect(await runCli(['help', 'serve'], ctx)).toBe(0)
    expect(io.out).toMatch(/--workspace FILE/)
  })

  it('rejects unknown commands and options with exit code 2 on stderr', async () => {
    expect(await runCli(['frobnicate'], ctx)).toBe(2)
    expect(io.err).toMatch(/unknown command 'frobnicate'/)
    io.err = ''
    expect(await runCli(['serve', '--workspace', 'x', '--colour'], ctx)).toBe(2)
    expect(io.err).toMatch(/--colour/)
    io.err = ''
    expect(await runCli(['serve', '--workspace', 'x', '--port', '99999'], ctx)).toBe(2)
    expect(io.err).toMatch(/--port must be a whole number/)
    expect(io.out).toBe('')
  })

  it('reports errors as JSON with --json', async () => {
    expect(await runCli(['serve', '--json'], ctx)).toBe(2)
    expect(JSON.parse(io.err)).toEqual({
      error: { code: 'usage', message: 'serve: --workspace is required' }
    })
  })
})

describe('loopbench serve refuses bad workspaces with one clear message', () => {
  async function expectRefused(file: string, pattern: RegExp, code: string): Promise<void> {
    const exit = await runCli(['serve', '--workspace', file], ctx)
    expect(exit).toBe(1)
    expect(io.err.trim().split('\n')).toHaveLength(1)
    expect(io.err).toMatch(pattern)
    expect(io.out).toBe('')
    io.err = ''
    expect(await runCli(['serve', '--workspace', file, '--json'], ctx)).toBe(1)
    expect(JSON.parse(io.err).error.code).toBe(code)
    io.err = ''
  }

  it('a path that does not exist (and nothing is created)', async () => {
    await expectRefused(
      join(dir, 'missing.loopbench'),
      /There is no workspace at .*missing\.loopbench/,
      'workspace_not_found'
    )
  })

  it('a file that is not a workspace', async () => {
    const file = join(dir, 'tickets.csv')
    writeFileSync(file, 'id,text\n1,hello\n')
    const before = snapshotFile(file)
    await expectRefused(file, /is not a Loopbench workspace/, 'workspace_not_a_workspace')
    expect(snapshotFile(file)).toEqual(before)
  })

  it('a workspace from a newer version', async () => {
    const file = join(dir, 'future.loopbench')
    ;(await Workspace.create(file)).close()
    const db = new Database(file)
    db.pragma('user_version = 999')
    db.close()
    const before = snapshotFile(file)
    await expectRefused(file, /newer version of Loopbench/, 'workspace_too_new')
    expect(snapshotFile(file)).toEqual(before)
  })

  it('a damaged workspace', async () => {
    const file = join(dir, 'damaged.loopbench')
    ;(await Workspace.create(file)).close()
    const bytes = readFileSync(file)
    bytes.fill(0x5a, 4096)
    writeFileSync(file, bytes)
    const before = snapshotFile(file)
    await expectRefused(file, /is damaged/, 'workspace_corrupt')
    expect(snapshotFile(file)).toEqual(before)
  })

  it('a workspace that is marked read-only', async () => {
    const file = join(dir, 'locked.loopbench')
    ;(await Workspace.create(file)).close()
    chmodSync(file, 0o444)
    const before = snapshotFile(file)
    await expectRefused(file, /read-only/, 'workspace_not_writable')
    expect(snapshotFile(file)).toEqual(before)
  })

  it('a relative path is resolved against the working folder', async () => {
    await expectRefused(
      'nope.loopbench',
      new RegExp(
        `There is no workspace at ${join(dir, 'nope.loopbench').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`
      ),
      'workspace_not_found'
    )
  })
})

describe('loopbench serve', () => {
  it('creates with --create, prints the URL as JSON, serves, and closes the workspace on stop', async () => {
    const file = join(dir, 'fresh.loopbench')
    const running = runCli(['serve', '--workspace', file, '--create', '--json'], ctx)
    while (!io.out.includes('\n')) await new Promise((r) => setTimeout(r, 20))
    const printed = JSON.parse(io.out) as { url: string; port: number; workspace: string }
    expect(printed.workspace).toBe(file)
    const res = await rawRequest(printed.url)
    expect(res.status).toBe(303)
    io.stop()
    expect(await running).toBe(0)
    const db = new Database(file, { readonly: true })
    expect(db.pragma('application_id', { simple: true })).toBe(0x4c4f4f50)
    db.close()
  })
})
