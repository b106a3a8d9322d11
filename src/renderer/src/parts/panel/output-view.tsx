import type { ReactElement } from 'react'
import { useEffect, useRef } from 'react'
import { useI18n } from '../../i18n/i18n-context'
import { useStore } from '../../state/store'
import { useWorkbench } from '../../state/workbench-context'

/** The session's log: workspace opened, settings saved, jobs, errors. Follows the newest line. */
export function OutputView(): ReactElement {
  const wb = useWorkbench()
  const { t, fmt, text } = useI18n()
  const lines = useStore(wb.log, (l) => l.output)
  const end = useRef<HTMLDivElement>(null)
  useEffect(() => {
    // Block body on purpose: scrollIntoView returns a promise in recent Chromium, and an effect
    // must return nothing or a cleanup function.
    end.current?.scrollIntoView({ block: 'end' })
  }, [lines.length])
  if (lines.length === 0) {
    return <p className="lb-empty">{t('panel.noOutput')}</p>
  }
  return (
    <div
      className="lb-output lb-selectable"
      role="log"
      aria-label={t('panel.output')}
      data-testid="output-log"
    >
      {lines.map((line) => (
        <div key={line.id} className={`lb-output-line is-${line.severity}`}>
          <span className="lb-output-time">[{fmt.time(line.time)}]</span>{' '}
          <span className="lb-output-level">{t(`panel.level.${line.severity}`)}</span>{' '}
          <span>{text(line.text)}</span>
        </div>
      ))}
      <div ref={end} />
    </div>
  )
}
