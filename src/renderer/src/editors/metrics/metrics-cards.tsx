import type { ReactElement } from 'react'
import { useId } from 'react'
import type { ChangeTest, MetricsGroup, MetricsReport } from '@shared/domain/metrics'
import { Codicon } from '../../components/codicon'
import { useI18n } from '../../i18n/i18n-context'
import type { MetricId } from './metrics-format'
import {
  changeDetails,
  changeText,
  csatIntervalText,
  csatValueText,
  formatCount,
  formatShare,
  meanText,
  npsIntervalText,
  npsValueText,
  responsesText,
  significanceText
} from './metrics-format'

/**
 * The two headline cards: CSAT and NPS over the whole range, and the change of one period (the
 * latest by default) against the period before it.
 */
export function MetricsCards({
  report,
  period
}: {
  report: MetricsReport
  /** The period whose change is shown; null when the range has no period. */
  period: MetricsGroup | null
}): ReactElement {
  const { t } = useI18n()
  const i18n = useI18n()
  const { csat, nps } = report.overall
  const { settings } = report
  const tooFew = (n: number, reason: string | null): ReactElement | null =>
    reason === 'too_few_responses' && n > 0 ? (
      <p className="lb-metrics-card-note">
        <Codicon name="warning" />
        {t('metrics.tooFewNote', { min: formatCount(i18n, settings.minSampleSize) })}
      </p>
    ) : null
  return (
    <div className="lb-metrics-cards">
      <article
        className="lb-metrics-card is-csat"
        data-testid="metrics-card-csat"
        aria-labelledby="lb-card-csat"
      >
        <header>
          <h3 id="lb-card-csat">{t('metrics.csat')}</h3>
          <p>
            {t('metrics.csat.description', {
              threshold: i18n.fmt.number(settings.csatSatisfiedThreshold, 2),
              max: formatCount(i18n, settings.csatScaleMax)
            })}
          </p>
        </header>
        <div className="lb-metrics-card-figure">
          <span
            className={`lb-metrics-card-value${csat.value === null ? ' is-missing' : ''}`}
            data-testid="metrics-card-csat-value"
          >
            {csatValueText(i18n, csat)}
          </span>
          <span className="lb-metrics-card-interval">
            <span className="lb-metrics-card-label">{t('metrics.col.interval')}</span>
            <span data-testid="metrics-card-csat-interval">{csatIntervalText(i18n, csat)}</span>
          </span>
        </div>
        <p className="lb-metrics-card-facts">
          <span data-testid="metrics-card-csat-n">{responsesText(i18n, csat.n)}</span>
          {csat.mean !== null && (
            <>
              <span aria-hidden="true"> · </span>
              <span data-testid="metrics-card-csat-mean">
                {meanText(i18n, csat.mean, settings.csatScaleMax)}
              </span>
            </>
          )}
        </p>
        {tooFew(csat.n, csat.reason)}
        <CardChange metric="csat" period={period} settings={settings} />
      </article>

      <article
        className="lb-metrics-card is-nps"
        data-testid="metrics-card-nps"
        aria-labelledby="lb-card-nps"
      >
        <header>
          <h3 id="lb-card-nps">{t('metrics.nps')}</h3>
          <p>{t('metrics.nps.description')}</p>
        </header>
        <div className="lb-metrics-card-figure">
          <span
            className={`lb-metrics-card-value${nps.value === null ? ' is-missing' : ''}`}
            data-testid="metrics-card-nps-value"
          >
            {npsValueText(i18n, nps)}
          </span>
          <span className="lb-metrics-card-interval">
            <span className="lb-metrics-card-label">{t('metrics.col.interval')}</span>
            <span data-testid="metrics-card-nps-interval">{npsIntervalText(i18n, nps)}</span>
          </span>
        </div>
        <p className="lb-metrics-card-facts">
          <span data-testid="metrics-card-nps-n">{responsesText(i18n, nps.n)}</span>
        </p>
        {nps.n > 0 && (
          <div className="lb-metrics-shares">
            <div
              className="lb-metrics-shares-bar"
              role="img"
              aria-label={t('metrics.shares', {
                promoters: formatShare(i18n, nps.promoters),
                passives: formatShare(i18n, nps.passives),
                detractors: formatShare(i18n, nps.detractors)
              })}
            >
              <span className="is-promoters" style={{ flexGrow: nps.promoters ?? 0 }} />
              <span className="is-passives" style={{ flexGrow: nps.passives ?? 0 }} />
              <span className="is-detractors" style={{ flexGrow: nps.detractors ?? 0 }} />
            </div>
            <dl className="lb-metrics-shares-legend">
              {(['promoters', 'passives', 'detractors'] as const).map((band) => (
                <div key={band} className={`is-${band}`}>
                  <dt>
                    <span className="lb-metrics-swatch" aria-hidden="true" />
                    {t(`metrics.${band}`)}
                  </dt>
                  <dd data-testid={`metrics-card-nps-${band}`}>{formatShare(i18n, nps[band])}</dd>
                </div>
              ))}
            </dl>
          </div>
        )}
        {tooFew(nps.n, nps.reason)}
        <CardChange metric="nps" period={period} settings={settings} />
      </article>
    </div>
  )
}

/** The change of a period in a card: the difference, whether it is significant, and how it was tested. */
function CardChange({
  metric,
  period,
  settings
}: {
  metric: MetricId
  period: MetricsGroup | null
  settings: MetricsReport['settings']
}): ReactElement {
  const i18n = useI18n()
  const { t } = i18n
  const tipId = useId()
  if (!period) {
    return (
      <div className="lb-metrics-card-change">
        <span className="lb-metrics-card-muted" data-testid={`metrics-card-${metric}-change`}>
          {t('metrics.noChange')}
        </span>
      </div>
    )
  }
  const test: ChangeTest | null = period.change[metric]
  const against = period.change.against
  const details = changeDetails(i18n, test, against ?? '—', settings)
  const direction = test?.diff ? (test.diff > 0 ? 'up' : 'down') : null
  return (
    <div className="lb-metrics-card-change">
      <span className="lb-metrics-card-period">
        {period.key}
        <span className="lb-metrics-card-muted">
          {' '}
          {against ? t('metrics.changeVs', { against }) : t('metrics.changeVsNone')}
        </span>
      </span>
      <span className="lb-metrics-change-trigger" tabIndex={0} aria-describedby={tipId}>
        <span
          className={`lb-metrics-change${test?.significant ? ' is-significant' : ''}${direction ? ` is-${direction}` : ''}`}
          data-testid={`metrics-card-${metric}-change`}
          data-significant={test?.significant ? 'true' : 'false'}
        >
          {changeText(i18n, metric, test)}
        </span>
        {/* Without a difference the change already says why; the verdict would only repeat it. */}
        {test && test.diff !== null && (
          <span
            className={`lb-metrics-pill${test.significant ? ` is-significant is-${direction ?? 'up'}` : ''}`}
            data-testid={`metrics-card-${metric}-significance`}
          >
            {test.significant && <Codicon name={direction === 'down' ? 'arrow-down' : 'arrow-up'} />}
            {significanceText(i18n, test)}
          </span>
        )}
        <span
          id={tipId}
          role="tooltip"
          className="lb-metrics-tip"
          data-testid={`metrics-card-${metric}-details`}
        >
          {details.map((detail) => (
            <span key={detail}>{detail}</span>
          ))}
        </span>
      </span>
    </div>
  )
}
