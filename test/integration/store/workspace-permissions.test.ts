import { existsSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { buildDemoWorkspace } from '../../../src/main/core/demo/build-demo'
import { Workspace } from '../../../src/main/core/store/workspace'
import { makeTempDir } from '../../helpers/temp-dir'

let dir: string
let cleanup: () => void
beforeEach(() => ({ dir, cleanup } = makeTempDir()))
afterEach(() => cleanup())

const mode = (path: string): number => statSync(path).mode & 0o777

// POSIX permissions only: Windows has no owner/group/other mode bits.
describe.skipIf(process.platform === 'win32')('workspace files are readable by their owner only', () => {
  it('a new workspace, and the -wal/-shm files SQLite adds while it is open', async () => {
    const path = join(dir, 'new.loopbench')
    const ws = await Workspace.create(path)
    try {
      ws.db.prepare("INSERT INTO workspace_meta (key, value) VALUES ('probe', '1')").run()
      expect(existsSync(path + '-wal')).toBe(true)
      expect(existsSync(path + '-shm')).toBe(true)
      expect(mode(path)).toBe(0o600)
      expect(mode(path + '-wal')).toBe(0o600)
      expect(mode(path + '-shm')).toBe(0o600)
    } finally {
      ws.close()
    }
    expect(mode(path)).toBe(0o600)
  })

  it('the demo workspace, built in a temporary file and published', async () => {
    const path = join(dir, 'demo.loopbench')
    await buildDemoWorkspace(path)
    expect(mode(path)).toBe(0o600)
  }, 60_000)
})
