import type { ReactElement } from 'react'
import { Codicon } from '../../components/codicon'
import { useI18n } from '../../i18n/i18n-context'
import { useStore } from '../../state/store'
import { useWorkbench } from '../../state/workbench-context'
import type { WizardState } from './import-wizard-model'
import { ChooseStep } from './choose-step'
import { PreviewStep } from './preview-step'
import { ProgressStep } from './progress-step'
import { CancelledStep, FailedStep, ResultStep } from './result-step'
import './import-editor.css'

const STEPS = [
  'import.step.choose',
  'import.step.preview',
  'import.step.import',
  'import.step.result'
] as const

/** Which of the four steps the stepper marks as current. */
function stepIndex(state: WizardState): number {
  switch (state.step) {
    case 'choose':
    case 'uploading':
      return 0
    case 'inspecting':
    case 'preview':
      return 1
    case 'importing':
    case 'cancelled':
      return 2
    case 'result':
      return 3
    case 'failed':
      return state.failedAt === 'upload' ? 0 : state.failedAt === 'inspect' ? 1 : 2
  }
}

/** The import wizard: choose a file, preview and map it, import it, see what happened. */
export function ImportEditor(): ReactElement {
  const wb = useWorkbench()
  const { t, fmt } = useI18n()
  const state = useStore(wb.imports.wizard)
  const current = stepIndex(state)
  return (
    <div className="lb-import" data-testid="import-wizard" data-step={state.step}>
      <header className="lb-import-header">
        <h1>
          <Codicon name="cloud-upload" />
          {t('import.title')}
        </h1>
        <ol className="lb-import-stepper" aria-label={t('import.steps')}>
          {STEPS.map((key, index) => (
            <li
              key={key}
              className={index < current ? 'is-done' : index === current ? 'is-current' : ''}
              aria-current={index === current ? 'step' : undefined}
            >
              <span className="lb-import-step-number" aria-hidden="true">
                {index < current ? <Codicon name="check" /> : fmt.integer(index + 1)}
              </span>
              <span>{t(key)}</span>
            </li>
          ))}
        </ol>
      </header>
      <StepBody state={state} />
    </div>
  )
}

function StepBody({ state }: { state: WizardState }): ReactElement {
  switch (state.step) {
    case 'choose':
      return <ChooseStep />
    case 'uploading':
    case 'inspecting':
    case 'importing':
      return <ProgressStep state={state} />
    case 'preview':
      return <PreviewStep state={state} />
    case 'result':
      return <ResultStep state={state} />
    case 'failed':
      return <FailedStep state={state} />
    case 'cancelled':
      return <CancelledStep state={state} />
  }
}
