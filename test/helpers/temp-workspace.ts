import { join } from 'node:path'
import { afterEach, beforeEach } from 'vitest'
import { Workspace } from '../../src/main/core/store/workspace'
import { makeTempDir } from './temp-dir'

/**
 * A new workspace file in a temporary folder for every test of the file: created before each
 * test and handed to `onCreate` (which keeps it and writes the test's rows), closed and removed
 * after it.
 */
export function tempWorkspaceForEachTest(
  fileName: string,
  onCreate: (ws: Workspace, dir: string) => void | Promise<void>
): void {
  let ws: Workspace | undefined
  let cleanup: (() => void) | undefined
  beforeEach(async () => {
    const temp = makeTempDir()
    cleanup = temp.cleanup
    ws = await Workspace.create(join(temp.dir, fileName))
    await onCreate(ws, temp.dir)
  })
  afterEach(() => {
    ws?.close()
    cleanup?.()
    ws = undefined
    cleanup = undefined
  })
}
