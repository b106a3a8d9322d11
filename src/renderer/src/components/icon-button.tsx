import type { ReactElement } from 'react'
import { Codicon } from './codicon'

/**
 * A toolbar button that shows only a codicon. Its label is both the accessible name and the
 * tooltip (a separate `title` when the tooltip should be shorter than the spoken name).
 */
export function IconButton({
  icon,
  label,
  title,
  onClick,
  className,
  testId
}: {
  icon: string
  label: string
  title?: string
  onClick: () => void
  className?: string
  testId?: string
}): ReactElement {
  return (
    <button
      type="button"
      className={className ? `lb-icon-button ${className}` : 'lb-icon-button'}
      title={title ?? label}
      aria-label={label}
      data-testid={testId}
      onClick={onClick}
    >
      <Codicon name={icon} />
    </button>
  )
}
