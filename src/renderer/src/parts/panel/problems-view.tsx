import type { ReactElement } from 'react'
import { Codicon } from '../../components/codicon'
import { describeError } from '../../i18n/error-message'
import { useI18n } from '../../i18n/i18n-context'
import { useStore } from '../../state/store'
import { useWorkbench } from '../../state/workbench-context'

/** Errors and warnings this session met, newest first. */
export function ProblemsView(): ReactElement {
  const wb = useWorkbench()
  const { t, fmt, text, language } = useI18n()
  const problems = useStore(wb.log, (l) => l.problems)
  if (problems.length === 0) {
    return (
      <p className="lb-empty" data-testid="problems-empty">
        {t('panel.noProblems')}
      </p>
    )
  }
  return (
    <ul className="lb-problems" data-testid="problems-list" aria-label={t('panel.problems')}>
      {[...problems].reverse().map((problem) => {
        const described = 'error' in problem.text ? describeError(language, problem.text.error) : null
        return (
          <li key={problem.id} className="lb-problem" data-testid="problem">
            <Codicon
              name={problem.severity}
              className={`lb-problem-icon is-${problem.severity}`}
              label={t(problem.severity === 'error' ? 'panel.severity.error' : 'panel.severity.warning')}
            />
            <span className="lb-problem-message lb-selectable" title={described?.technical}>
              {text(problem.text)}
              {described?.details.map((line) => (
                <span key={line} className="lb-problem-detail">
                  {line}
                </span>
              ))}
            </span>
            <span className="lb-problem-source">{problem.source}</span>
            <time className="lb-problem-time" dateTime={new Date(problem.time).toISOString()}>
              {fmt.time(problem.time)}
            </time>
          </li>
        )
      })}
    </ul>
  )
}
