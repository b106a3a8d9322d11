import type { ReactElement } from 'react'

/** A codicon glyph; decorative unless given a label. */
export function Codicon({
  name,
  label,
  className,
  spin
}: {
  name: string
  label?: string
  className?: string
  spin?: boolean
}): ReactElement {
  const classes = ['codicon', `codicon-${name}`, spin ? 'lb-spin' : '', className ?? '']
    .filter(Boolean)
    .join(' ')
  return label ? (
    <span className={classes} role="img" aria-label={label} />
  ) : (
    <span className={classes} aria-hidden="true" />
  )
}
