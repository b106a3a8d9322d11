import type { ReactElement } from 'react'
import './loading-line.css'

/** A thin indeterminate progress line under a title or toolbar while something loads or runs. */
export function LoadingLine({ active }: { active: boolean }): ReactElement {
  return (
    <div className={`lb-loading-line${active ? ' is-active' : ''}`} aria-hidden="true">
      <span />
    </div>
  )
}
