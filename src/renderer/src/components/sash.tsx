import type { KeyboardEvent, PointerEvent, ReactElement } from 'react'
import { useRef } from 'react'

export interface SashProps {
  /** `vertical` sits between side by side parts and drags left–right. */
  orientation: 'vertical' | 'horizontal'
  value: number
  min: number
  max: number
  /** +1 when dragging right/down grows the value, −1 when it shrinks it (a panel below). */
  direction: 1 | -1
  label: string
  /** `final` is true when a drag or key press ends, the moment to save. */
  onChange(value: number, final: boolean): void
  onReset?(): void
  testId?: string
}

const KEY_STEP = 10
const KEY_STEP_LARGE = 50

/**
 * A drag handle between two parts; also a focusable ARIA separator, so that keyboard users can
 * resize with the arrow keys (Shift for larger steps, Home/End for the limits).
 */
export function Sash(props: SashProps): ReactElement {
  const drag = useRef<{ start: number; startValue: number; last: number } | null>(null)
  const clamp = (v: number): number => Math.round(Math.min(props.max, Math.max(props.min, v)))
  const position = (e: PointerEvent): number => (props.orientation === 'vertical' ? e.clientX : e.clientY)

  const onPointerDown = (e: PointerEvent<HTMLDivElement>): void => {
    if (e.button !== 0) return
    e.preventDefault()
    e.currentTarget.setPointerCapture(e.pointerId)
    drag.current = { start: position(e), startValue: props.value, last: props.value }
    document.body.classList.add(props.orientation === 'vertical' ? 'lb-resizing-x' : 'lb-resizing-y')
  }
  const onPointerMove = (e: PointerEvent<HTMLDivElement>): void => {
    const d = drag.current
    if (!d) return
    const next = clamp(d.startValue + (position(e) - d.start) * props.direction)
    if (next !== d.last) {
      d.last = next
      props.onChange(next, false)
    }
  }
  const onPointerUp = (e: PointerEvent<HTMLDivElement>): void => {
    const d = drag.current
    if (!d) return
    drag.current = null
    e.currentTarget.releasePointerCapture(e.pointerId)
    document.body.classList.remove('lb-resizing-x', 'lb-resizing-y')
    props.onChange(d.last, true)
  }
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    const step = e.shiftKey ? KEY_STEP_LARGE : KEY_STEP
    const grow = props.orientation === 'vertical' ? ['ArrowRight'] : ['ArrowDown']
    const shrink = props.orientation === 'vertical' ? ['ArrowLeft'] : ['ArrowUp']
    let next: number | null = null
    if (grow.includes(e.key)) next = props.value + step * props.direction
    else if (shrink.includes(e.key)) next = props.value - step * props.direction
    else if (e.key === 'Home') next = props.min
    else if (e.key === 'End') next = props.max
    if (next === null) return
    e.preventDefault()
    props.onChange(clamp(next), true)
  }

  return (
    <div
      className={`lb-sash is-${props.orientation}`}
      role="separator"
      tabIndex={0}
      aria-orientation={props.orientation}
      aria-label={props.label}
      aria-valuenow={props.value}
      aria-valuemin={props.min}
      aria-valuemax={props.max}
      data-testid={props.testId}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onDoubleClick={props.onReset}
      onKeyDown={onKeyDown}
    />
  )
}
