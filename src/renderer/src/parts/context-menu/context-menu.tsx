import type { KeyboardEvent, ReactElement } from 'react'
import { useEffect, useLayoutEffect, useRef, useState } from 'react'
import { Codicon } from '../../components/codicon'
import { KeybindingLabel } from '../../components/keybinding-label'
import { useKeybindingText } from '../../commands/use-keybinding-text'
import { useI18n } from '../../i18n/i18n-context'
import { useWorkbench } from '../../state/workbench-context'
import './context-menu.css'

/** A menu entry that is not a command: an action on one item (a batch, a row). */
export interface ContextMenuAction {
  id: string
  label: string
  icon?: string
  run(): void
}

export interface ContextMenuProps {
  /** An element to open beside, or the point of a right-click. */
  anchor: HTMLElement | { x: number; y: number }
  placement: 'right-end' | 'below' | 'at-point'
  /** Command ids or actions, with '-' for a separator. Commands unavailable here are left out. */
  items: ReadonlyArray<string | ContextMenuAction>
  label: string
  onClose(): void
}

/** An in-app menu of commands, sharing titles, keybindings and `when` clauses with the palette. */
export function ContextMenu({ anchor, placement, items, label, onClose }: ContextMenuProps): ReactElement {
  const wb = useWorkbench()
  const { t } = useI18n()
  const keybindingText = useKeybindingText()
  const menu = useRef<HTMLDivElement>(null)
  const [position, setPosition] = useState<{ left: number; top: number } | null>(null)
  // What had focus when the menu opened (a right-clicked point has no element of its own).
  const [opener] = useState(() => document.activeElement)
  const context = wb.context()
  const entries = items.filter(
    (item) => typeof item !== 'string' || item === '-' || wb.commands.isEnabled(item, context)
  )

  useLayoutEffect(() => {
    const own = menu.current?.getBoundingClientRect()
    const width = own?.width ?? 0
    const height = own?.height ?? 0
    // Keep the menu inside the window.
    const fit = (left: number, top: number): { left: number; top: number } => ({
      left: Math.max(4, Math.min(left, window.innerWidth - width - 4)),
      top: Math.max(4, Math.min(top, window.innerHeight - height - 4))
    })
    if (!(anchor instanceof HTMLElement)) {
      setPosition(fit(anchor.x, anchor.y))
    } else {
      const rect = anchor.getBoundingClientRect()
      setPosition(
        placement === 'right-end'
          ? fit(rect.right + 2, rect.bottom - height)
          : fit(rect.left, rect.bottom + 2)
      )
    }
  }, [anchor, placement])

  // Focus the first item once the menu is placed (a hidden element cannot take focus).
  const placed = position !== null
  useEffect(() => {
    if (placed) menu.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus()
  }, [placed])

  useEffect(() => {
    const onPointerDown = (e: PointerEvent): void => {
      const inAnchor = anchor instanceof HTMLElement && anchor.contains(e.target as Node)
      if (!menu.current?.contains(e.target as Node) && !inAnchor) onClose()
    }
    window.addEventListener('pointerdown', onPointerDown, true)
    return () => window.removeEventListener('pointerdown', onPointerDown, true)
  }, [anchor, onClose])

  /**
   * Gives focus back to the anchor, or to what had it before the menu; done before an item runs,
   * so that a dialog or picker it opens returns focus there too, not to the page.
   */
  const restoreFocus = (): void => {
    const back = anchor instanceof HTMLElement ? anchor : opener
    if (back instanceof HTMLElement && back.isConnected) back.focus()
  }

  const run = (id: string): void => {
    restoreFocus()
    onClose()
    void wb.runCommand(id)
  }

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    const buttons = [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])]
    const index = buttons.indexOf(document.activeElement as HTMLElement)
    if (e.key === 'Escape' || e.key === 'Tab') {
      e.preventDefault()
      onClose()
      restoreFocus()
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault()
      const step = e.key === 'ArrowDown' ? 1 : -1
      buttons[(index + step + buttons.length) % buttons.length]?.focus()
    } else if (e.key === 'Home' || e.key === 'End') {
      e.preventDefault()
      buttons[e.key === 'Home' ? 0 : buttons.length - 1]?.focus()
    }
  }

  return (
    <div
      ref={menu}
      className="lb-context-menu"
      role="menu"
      aria-label={label}
      data-testid="context-menu"
      style={position ? { left: position.left, top: position.top } : { visibility: 'hidden' }}
      onKeyDown={onKeyDown}
    >
      {entries.map((id, index) => {
        if (typeof id !== 'string') {
          return (
            <button
              key={id.id}
              type="button"
              role="menuitem"
              className="lb-context-menu-item"
              data-testid={`menu-${id.id}`}
              onClick={() => {
                restoreFocus()
                onClose()
                id.run()
              }}
            >
              <span className="lb-context-menu-icon">{id.icon ? <Codicon name={id.icon} /> : null}</span>
              <span className="lb-context-menu-label">{id.label}</span>
              <span />
            </button>
          )
        }
        if (id === '-') {
          return index > 0 && index < entries.length - 1 ? (
            <div key={`sep-${index}`} className="lb-context-menu-separator" role="separator" />
          ) : null
        }
        const command = wb.commands.get(id)
        if (!command) return null
        const shortcut = keybindingText(id)
        return (
          <button
            key={id}
            type="button"
            role="menuitem"
            className="lb-context-menu-item"
            onClick={() => run(id)}
          >
            <span className="lb-context-menu-icon">
              {command.icon ? <Codicon name={command.icon} /> : null}
            </span>
            <span className="lb-context-menu-label">{t(command.title)}</span>
            {shortcut ? <KeybindingLabel text={shortcut} /> : <span />}
          </button>
        )
      })}
    </div>
  )
}
