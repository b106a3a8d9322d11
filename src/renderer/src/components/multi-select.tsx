import type { KeyboardEvent, ReactElement } from 'react'
import { useEffect, useId, useRef, useState } from 'react'
import { Codicon } from './codicon'
import './multi-select.css'

export interface MultiSelectOption {
  value: string
  label: string
  /** Shown dimmed after the label (a count). */
  detail?: string
}

/**
 * A dropdown of checkboxes for choosing several values (channels, statuses). The button says what
 * is chosen; Escape or a click outside closes the list and focus returns to the button.
 */
export function MultiSelect({
  label,
  summary,
  options,
  selected,
  onChange,
  testId,
  disabled
}: {
  label: string
  /** The button's text for the current choice ("Any", "2 selected", "email"). */
  summary: string
  options: readonly MultiSelectOption[]
  selected: readonly string[]
  onChange(next: string[]): void
  testId?: string
  disabled?: boolean
}): ReactElement {
  const [open, setOpen] = useState(false)
  const root = useRef<HTMLDivElement>(null)
  const button = useRef<HTMLButtonElement>(null)
  const listId = useId()
  const chosen = new Set(selected)

  useEffect(() => {
    if (!open) return
    const onPointerDown = (e: PointerEvent): void => {
      if (!root.current?.contains(e.target as Node)) setOpen(false)
    }
    window.addEventListener('pointerdown', onPointerDown, true)
    root.current?.querySelector<HTMLElement>('input')?.focus()
    return () => window.removeEventListener('pointerdown', onPointerDown, true)
  }, [open])

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    if (e.key === 'Escape' && open) {
      e.preventDefault()
      e.stopPropagation()
      setOpen(false)
      button.current?.focus()
    } else if ((e.key === 'ArrowDown' || e.key === 'ArrowUp') && open) {
      const inputs = [...(root.current?.querySelectorAll<HTMLInputElement>('input') ?? [])]
      const index = inputs.indexOf(document.activeElement as HTMLInputElement)
      const next = inputs[(index + (e.key === 'ArrowDown' ? 1 : -1) + inputs.length) % inputs.length]
      if (next) {
        e.preventDefault()
        next.focus()
      }
    } else if (e.key === 'ArrowDown' && !open && document.activeElement === button.current) {
      e.preventDefault()
      setOpen(true)
    }
  }

  const toggle = (value: string): void => {
    const next = new Set(chosen)
    if (next.has(value)) next.delete(value)
    else next.add(value)
    onChange(options.map((o) => o.value).filter((v) => next.has(v)))
  }

  return (
    <div className="lb-multi-select" ref={root} onKeyDown={onKeyDown} data-testid={testId}>
      <button
        ref={button}
        type="button"
        className={`lb-multi-select-button${selected.length > 0 ? ' is-active' : ''}`}
        aria-haspopup="true"
        aria-expanded={open}
        aria-controls={open ? listId : undefined}
        disabled={disabled}
        onClick={() => setOpen(!open)}
      >
        <span className="lb-multi-select-label">{label}:</span>
        <span className="lb-multi-select-summary">{summary}</span>
        <Codicon name="chevron-down" />
      </button>
      {open && (
        <div className="lb-multi-select-list" id={listId} role="group" aria-label={label}>
          {options.map((option) => (
            <label key={option.value} className="lb-multi-select-option">
              <input
                type="checkbox"
                checked={chosen.has(option.value)}
                data-value={option.value}
                onChange={() => toggle(option.value)}
              />
              <span className="lb-multi-select-option-label">{option.label}</span>
              {option.detail && <span className="lb-multi-select-option-detail">{option.detail}</span>}
            </label>
          ))}
        </div>
      )}
    </div>
  )
}
