import type { ReactElement } from 'react'
import type { Decision } from '@shared/domain/experiments'
import { Codicon } from '../../components/codicon'
import { useI18n } from '../../i18n/i18n-context'
import { decisionHint, decisionIcon, decisionLabel } from './experiment-format'

/**
 * A decision as a chip: an icon and the word, coloured by the decision, so that it reads without
 * colour too (and in high contrast, where it is outlined).
 */
export function DecisionChip({
  decision,
  testId,
  large = false
}: {
  decision: Decision | null
  testId?: string
  large?: boolean
}): ReactElement {
  const i18n = useI18n()
  return (
    <span
      className={`lb-decision-chip is-${decision ?? 'none'}${large ? ' is-large' : ''}`}
      title={decisionHint(i18n, decision)}
      data-testid={testId}
      data-decision={decision ?? 'none'}
    >
      <Codicon name={decisionIcon(decision)} />
      <span>{decisionLabel(i18n, decision)}</span>
    </span>
  )
}
