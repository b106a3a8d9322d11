import '@vscode/codicons/dist/codicon.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { createWorkbenchClient } from '@shared/api/client'
import { matchLanguage } from '@shared/i18n/translate'
import { selectTransport } from './api/select-transport'
import { selectImportFiles } from './api/select-import-files'
import { registerWorkbenchCommands } from './commands/workbench-commands'
import { detectPlatform } from './commands/keybinding'
import { RootErrorBoundary } from './root-error-boundary'
import { WorkbenchController } from './state/workbench-controller'
import { systemTheme } from './theme/theme'
import { Workbench } from './workbench'

/** How long the first paint waits for the user's theme and layout before using the defaults. */
const PREFERENCES_WAIT_MS = 400

let controller: WorkbenchController | null = null
const transport = selectTransport((connected) => controller?.setConnected(connected))
const matchMedia = typeof window.matchMedia === 'function' ? window.matchMedia.bind(window) : undefined
const wb = new WorkbenchController(createWorkbenchClient(transport), {
  platform: detectPlatform(navigator),
  systemLanguage: navigator.language,
  systemTheme: systemTheme(matchMedia),
  hostName: window.location.hostname,
  importFiles: selectImportFiles()
})
controller = wb
registerWorkbenchCommands(wb)

// Follow the operating system's theme while the user has not chosen one.
for (const query of [
  '(prefers-color-scheme: light)',
  '(forced-colors: active)',
  '(prefers-contrast: more)'
]) {
  matchMedia?.(query).addEventListener('change', () => wb.systemTheme.set(systemTheme(matchMedia)))
}

// Nothing may fail silently: stray errors are reported like failed calls.
window.addEventListener('error', (event) => {
  wb.reportError({ code: 'internal', message: String(event.message || event.error) }, 'window')
})
window.addEventListener('unhandledrejection', (event) => {
  const reason: unknown = event.reason
  if (typeof reason === 'object' && reason !== null && (reason as { name?: unknown }).name === 'ApiError')
    return
  wb.reportError(
    { code: 'internal', message: reason instanceof Error ? reason.message : String(reason) },
    'window'
  )
})
window.addEventListener('pagehide', () => wb.flushLayout())

const root = createRoot(document.getElementById('root') as HTMLElement)
const render = (): void =>
  root.render(
    <StrictMode>
      <RootErrorBoundary language={matchLanguage(navigator.language)}>
        <Workbench wb={wb} />
      </RootErrorBoundary>
    </StrictMode>
  )

// Paint once the user's theme and layout are known (a local call), so nothing jumps; never wait long.
let painted = false
const paint = (): void => {
  if (painted) return
  painted = true
  render()
}
const timer = setTimeout(paint, PREFERENCES_WAIT_MS)
void wb
  .boot({
    onPreferences: () => {
      clearTimeout(timer)
      paint()
    }
  })
  .finally(paint)
