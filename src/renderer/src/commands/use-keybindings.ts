import { useEffect } from 'react'
import type { WorkbenchController } from '../state/workbench-controller'

/** True when the event comes from a field where typing must not trigger single-key commands. */
function inTextInput(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  return target.isContentEditable || target.matches('input, textarea, select')
}

/**
 * Dispatches key presses to commands. Runs in the capture phase so that workbench shortcuts win
 * over the browser's defaults (Ctrl+P would otherwise print).
 */
export function useKeybindings(wb: WorkbenchController): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      // Typing with an input method, or a held-down character key, is never a shortcut.
      if (event.isComposing || (event.repeat && event.key.length === 1)) return
      // A modal dialog owns the keyboard.
      if (wb.dialog.get()) return
      const context = wb.context(inTextInput(event.target))
      const command = wb.commands.findByKey(event, context)
      if (!command) return
      event.preventDefault()
      event.stopPropagation()
      void wb.runCommand(command.id)
    }
    window.addEventListener('keydown', onKeyDown, { capture: true })
    return () => window.removeEventListener('keydown', onKeyDown, { capture: true })
  }, [wb])
}
