import { describe, expect, it } from 'vitest'
import { ESLint } from 'eslint'

/**
 * The layers of DESIGN.md are enforced by lint rules; these tests feed the real ESLint config
 * imports that point the wrong way and check that each is reported, so the rules cannot rot.
 */
const eslint = new ESLint({ cwd: process.cwd() })

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message)
}

describe('layer rules', () => {
  it.each([
    ['src/renderer/src/x.ts', "import { readFileSync } from 'node:fs'\nvoid readFileSync"],
    ['src/renderer/src/x.ts', "import { ipcRenderer } from 'electron'\nvoid ipcRenderer"],
    ['src/renderer/src/x.ts', "import Database from 'better-sqlite3'\nvoid Database"],
    ['src/renderer/src/x.ts', "import { Workspace } from '../../main/core/store/workspace'\nvoid Workspace"],
    ['src/main/core/store/x.ts', "import { app } from 'electron'\nvoid app"],
    ['src/main/core/store/x.ts', "import { useState } from 'react'\nvoid useState"],
    ['src/main/core/store/x.ts', "import { startWebHost } from '../../web/web-host'\nvoid startWebHost"],
    ['src/shared/x.ts', "import { join } from 'node:path'\nvoid join"],
    ['src/shared/x.ts', "import { Workspace } from '../main/core/store/workspace'\nvoid Workspace"],
    ['src/preload/x.ts', "import { readFileSync } from 'fs'\nvoid readFileSync"],
    ['src/main/app/x.ts', "import { ipcMain } from 'electron'\nvoid ipcMain"],
    ['src/main/web/x.ts', "import { app } from 'electron'\nvoid app"]
  ])('%s may not: %s', async (filePath, code) => {
    expect(await restrictedImports(filePath, code)).toHaveLength(1)
  })

  it.each([
    ['src/renderer/src/x.ts', "import { contract } from '@shared/api/contract'\nvoid contract"],
    ['src/main/core/store/x.ts', "import { readFileSync } from 'node:fs'\nvoid readFileSync"],
    ['src/main/app/electron-runtime.ts', "import { app } from 'electron'\nvoid app"],
    ['src/preload/x.ts', "import { contextBridge } from 'electron'\nvoid contextBridge"],
    ['src/main/web/x.ts', "import { createWorkbench } from '../core/composition-root'\nvoid createWorkbench"]
  ])('%s may: %s', async (filePath, code) => {
    expect(await restrictedImports(filePath, code)).toEqual([])
  })
})
