import { useCallback } from 'react'
import { useWorkbench } from '../state/workbench-context'
import { formatKeybinding } from './keybinding'

/** A function giving the first keybinding of a command, formatted for the platform (or null). */
export function useKeybindingText(): (commandId: string) => string | null {
  const wb = useWorkbench()
  return useCallback(
    (commandId: string) => {
      const binding = wb.commands.get(commandId)?.resolvedKeybindings[0]
      return binding ? formatKeybinding(binding, wb.commands.platform) : null
    },
    [wb]
  )
}
