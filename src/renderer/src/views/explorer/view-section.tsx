import type { ReactElement, ReactNode } from 'react'
import { useState } from 'react'
import { Codicon } from '../../components/codicon'

/** A collapsible section of a side-bar view, with an optional count and actions in its header. */
export function Section({
  id,
  title,
  count,
  actions,
  defaultOpen = true,
  children
}: {
  id: string
  title: string
  count?: ReactNode
  actions?: ReactNode
  /** Whether the section starts expanded (the default) or collapsed. */
  defaultOpen?: boolean
  children: ReactNode
}): ReactElement {
  const [open, setOpen] = useState(defaultOpen)
  return (
    <section className="lb-view-section" data-testid={`explorer-section-${id}`}>
      <div className="lb-view-section-bar">
        <button
          type="button"
          className="lb-view-section-header"
          aria-expanded={open}
          onClick={() => setOpen(!open)}
        >
          <Codicon name={open ? 'chevron-down' : 'chevron-right'} />
          <span>{title}</span>
          {count !== undefined && <span className="lb-view-section-count">{count}</span>}
        </button>
        {actions && <div className="lb-view-section-actions">{actions}</div>}
      </div>
      {open && children}
    </section>
  )
}
