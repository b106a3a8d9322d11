import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { LanguageId } from '@shared/domain/preferences'
import { desktopHostPort, pickImportFile, pickWorkspacePath } from '../../../src/main/app/host-port'
import type { DesktopHostOptions } from '../../../src/main/app/host-port'
import { FakeDialog, FakeWindow } from './fake-electron'
import { mainWindowOptions } from '../../../src/main/app/window'

function setup(language: LanguageId = 'en'): {
  dialog: FakeDialog
  window: FakeWindow
  options: DesktopHostOptions
} {
  const dialog = new FakeDialog()
  const window = new FakeWindow(
    mainWindowOptions({ preloadPath: '/p', isPackaged: true, backgroundColor: '#000' })
  )
  return {
    dialog,
    window,
    options: {
      platform: 'linux',
      dialog,
      currentWindow: () => window,
      language: () => language,
      documentsDir: () => '/home/pm/Documents'
    }
  }
}

describe('desktop host port', () => {
  it('is the electron host: switches workspaces, native dialogs, no upload', () => {
    const port = desktopHostPort(setup().options)
    expect(port.kind).toBe('electron')
    expect(port.capabilities).toEqual({ switchWorkspace: true, nativeDialogs: true, upload: false })
    expect(port.pickWorkspacePath).toBeTypeOf('function')
  })

  it('opens a .loopbench or .sqlite file with the open dialog, attached to the window', async () => {
    const { dialog, window, options } = setup()
    dialog.openAnswer = { canceled: false, filePaths: ['/data/q3.loopbench'] }
    expect(await pickWorkspacePath(options, 'open')).toBe('/data/q3.loopbench')
    const call = dialog.opened[0]!
    expect(call.parent).toBe(window)
    expect(call.options.properties).toEqual(['openFile'])
    const extensions = call.options.filters.flatMap((f) => f.extensions)
    expect(extensions).toEqual(expect.arrayContaining(['loopbench', 'sqlite']))
    expect(call.options.title).toBe('Open Workspace')
  })

  it('answers null when the user cancels', async () => {
    const { options } = setup()
    expect(await pickWorkspacePath(options, 'open')).toBeNull()
    expect(await pickWorkspacePath(options, 'create')).toBeNull()
  })

  it('asks for a new file name with the save dialog and adds .loopbench when none was typed', async () => {
    const { dialog, options } = setup()
    dialog.saveAnswer = { canceled: false, filePath: '/data/new' }
    expect(await pickWorkspacePath(options, 'create')).toBe('/data/new.loopbench')
    dialog.saveAnswer = { canceled: false, filePath: '/data/new.sqlite' }
    expect(await pickWorkspacePath(options, 'create')).toBe('/data/new.sqlite')
    const call = dialog.saved[0]!
    expect(call.options.filters[0]!.extensions).toEqual(['loopbench'])
    expect(call.options.defaultPath).toBe(join('/home/pm/Documents', 'Feedback.loopbench'))
    expect(call.options.properties).toContain('createDirectory')
  })

  it('speaks the user’s language', async () => {
    const { dialog, options } = setup('zh-CN')
    await pickWorkspacePath(options, 'open')
    await pickWorkspacePath(options, 'create')
    expect(dialog.opened[0]!.options.title).toBe('打开工作区')
    expect(dialog.saved[0]!.options.title).toBe('新建工作区')
    expect(dialog.opened[0]!.options.filters[0]!.name).toBe('Loopbench 工作区')
  })

  it('asks for a file to import with the open dialog, exports first, in the user’s language', async () => {
    const { dialog, window, options } = setup('zh-CN')
    dialog.openAnswer = { canceled: false, filePaths: ['/data/工单导出.csv'] }
    expect(await pickImportFile(options)).toBe('/data/工单导出.csv')
    const call = dialog.opened[0]!
    expect(call.parent).toBe(window)
    expect(call.options.title).toBe('导入文件')
    expect(call.options.filters[0]!.extensions).toEqual(
      expect.arrayContaining(['csv', 'xlsx', 'json', 'ndjson'])
    )
    expect(call.options.filters.at(-1)!.extensions).toEqual(['*'])
    dialog.openAnswer = { canceled: true, filePaths: [] }
    expect(await pickImportFile(options)).toBeNull()
    expect(desktopHostPort(options).pickImportFile).toBeTypeOf('function')
  })
})
