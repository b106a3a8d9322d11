import type { KeyboardEvent, ReactElement } from 'react'
import { useEffect, useRef } from 'react'
import { resolveParams } from '../../i18n/i18n'
import { useI18n } from '../../i18n/i18n-context'
import { useStore } from '../../state/store'
import { useWorkbench } from '../../state/workbench-context'
import './dialog.css'

/** A modal question (unsaved changes, About); Escape or a click outside dismisses it. */
export function Dialog(): ReactElement | null {
  const wb = useWorkbench()
  const { t } = useI18n()
  const request = useStore(wb.dialog)
  const box = useRef<HTMLDivElement>(null)
  const previous = useRef<Element | null>(null)

  useEffect(() => {
    if (!request) return
    previous.current = document.activeElement
    box.current?.querySelector<HTMLElement>('.lb-button')?.focus()
    return () => {
      const back = previous.current
      if (back instanceof HTMLElement && back.isConnected) back.focus()
    }
  }, [request])

  if (!request) return null

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    if (e.key === 'Escape') {
      e.preventDefault()
      request.resolve(null)
    } else if (e.key === 'Tab') {
      // Keep focus inside the dialog.
      const buttons = [...(box.current?.querySelectorAll<HTMLElement>('button') ?? [])]
      const index = buttons.indexOf(document.activeElement as HTMLElement)
      const next = buttons[(index + (e.shiftKey ? -1 : 1) + buttons.length) % buttons.length]
      if (next) {
        e.preventDefault()
        next.focus()
      }
    }
  }

  return (
    <div className="lb-dialog-backdrop" onPointerDown={() => request.resolve(null)}>
      <div
        ref={box}
        className="lb-dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="lb-dialog-title"
        aria-describedby="lb-dialog-message"
        data-testid="dialog"
        onPointerDown={(e) => e.stopPropagation()}
        onKeyDown={onKeyDown}
      >
        <h2 id="lb-dialog-title">{t(request.title)}</h2>
        <p id="lb-dialog-message" className="lb-selectable">
          {t(request.message, resolveParams(t, request.params))}
        </p>
        <div className="lb-dialog-buttons">
          {request.buttons.map((button) => (
            <button
              key={button.id}
              type="button"
              className={`lb-button${button.primary ? '' : ' is-secondary'}`}
              data-testid={`dialog-${button.id}`}
              onClick={() => request.resolve(button.id)}
            >
              {t(button.label)}
            </button>
          ))}
        </div>
      </div>
    </div>
  )
}
