import type { ReactElement } from 'react'
import { useEffect, useRef, useState } from 'react'
import type { ApiErrorData } from '@shared/api/errors'
import type { MetricsComment } from '@shared/domain/metrics'
import { Codicon } from '../../components/codicon'
import { IconButton } from '../../components/icon-button'
import { describeError, toErrorData } from '../../i18n/error-message'
import { useI18n } from '../../i18n/i18n-context'
import { useStore } from '../../state/store'
import { useWorkbench } from '../../state/workbench-context'
import { commentsCountText, formatCount } from './metrics-format'
import type { CommentsSelection } from './metrics-model'
import { commentsRequest, npsBand, selectionKey } from './metrics-model'

/** Comments fetched per page. */
export const COMMENTS_PAGE = 50

interface Loaded {
  key: string
  total: number
  rows: MetricsComment[]
}

/**
 * The comments behind a point of a chart or a row of the table, newest first, a page at a time.
 * `title` says what they belong to ("2026-Q3", "tier · Basic", "… · score 3").
 */
export function CommentsPane({
  selection,
  title,
  subtitle,
  onClose
}: {
  selection: CommentsSelection
  title: string
  /** The dates the comments come from. */
  subtitle: string
  onClose(): void
}): ReactElement {
  const wb = useWorkbench()
  const i18n = useI18n()
  const { t, fmt, language } = i18n
  const timeZone = useStore(wb.session, (s) => s.settings?.timeZone)
  const dataVersion = useStore(wb.session, (s) => s.dataVersion)
  const selected = selectionKey(selection)
  const key = `${selected}@${dataVersion}`
  const [loaded, setLoaded] = useState<Loaded | null>(null)
  const [more, setMore] = useState<{ key: string; offset: number } | null>(null)
  const [error, setError] = useState<{ key: string; error: ApiErrorData } | null>(null)
  const [attempt, setAttempt] = useState(0)
  const heading = useRef<HTMLHeadingElement>(null)
  const current = loaded?.key === key ? loaded : null
  const offset = more?.key === key ? more.offset : 0

  useEffect(() => {
    let live = true
    wb.call('metrics.comments', commentsRequest(selection, offset, COMMENTS_PAGE), { quiet: true }).then(
      (page) => {
        if (!live) return
        setError(null)
        setLoaded((previous) =>
          offset > 0 && previous?.key === key
            ? { key, total: page.total, rows: [...previous.rows, ...page.rows] }
            : { key, total: page.total, rows: page.rows }
        )
      },
      (e: unknown) => {
        if (live) setError({ key, error: toErrorData(e) })
      }
    )
    return () => {
      live = false
    }
    // `selection` is identified by `key`; a new object for the same selection must not reload.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [wb, key, offset, attempt])

  // A new selection moves the focus to the pane's heading, so that keyboard users land in it.
  useEffect(() => {
    heading.current?.focus()
  }, [selected])

  const failure = error?.key === key ? error.error : null
  const loading = !failure && (current === null || current.rows.length < Math.min(current.total, offset + 1))
  return (
    <aside
      className="lb-metrics-comments"
      data-testid="metrics-comments"
      aria-labelledby="lb-metrics-comments"
    >
      <header className="lb-metrics-comments-head">
        <h2 id="lb-metrics-comments">{t('metrics.comments.title')}</h2>
        <IconButton
          icon="close"
          label={t('metrics.comments.close')}
          testId="metrics-comments-close"
          onClick={onClose}
        />
      </header>
      <div className="lb-metrics-comments-what">
        <h3 ref={heading} tabIndex={-1} data-testid="metrics-comments-title">
          {title}
        </h3>
        <p data-testid="metrics-comments-subtitle">{subtitle}</p>
        <p>
          {current ? (
            <>
              <span data-testid="metrics-comments-total">{commentsCountText(i18n, current.total)}</span>
              {current.total > 0 && <span> · {t('metrics.comments.newestFirst')}</span>}
            </>
          ) : (
            <span className="lb-metrics-muted">{t('metrics.comments.loading')}</span>
          )}
        </p>
      </div>
      <div className="lb-metrics-comments-list" aria-busy={loading}>
        {failure ? (
          <div className="lb-metrics-error" role="alert">
            <Codicon name="error" />
            <div>
              <p>{t('metrics.comments.error')}</p>
              <p className="lb-metrics-muted">{describeError(language, failure).message}</p>
              <button
                type="button"
                className="lb-button is-secondary"
                onClick={() => setAttempt((n) => n + 1)}
              >
                {t('metrics.retry')}
              </button>
            </div>
          </div>
        ) : current && current.total === 0 ? (
          <p className="lb-metrics-comments-empty" data-testid="metrics-comments-empty">
            {t('metrics.comments.empty')}
          </p>
        ) : (
          <ol className="lb-metrics-comment-items">
            {(current?.rows ?? []).map((comment) => (
              <li key={comment.id} className="lb-metrics-comment" data-testid="metrics-comment">
                <div className="lb-metrics-comment-meta">
                  <time dateTime={new Date(comment.submittedAt).toISOString()}>
                    {fmt.date(comment.submittedAt, timeZone)}
                  </time>
                  {comment.npsScore !== null && (
                    <span
                      className={`lb-metrics-score is-${npsBand(comment.npsScore)}`}
                      data-testid="metrics-comment-nps"
                    >
                      {t('metrics.comments.nps', { score: formatCount(i18n, comment.npsScore) })}
                    </span>
                  )}
                  {comment.csatScore !== null && (
                    <span className="lb-metrics-score" data-testid="metrics-comment-csat">
                      {t('metrics.comments.csat', { score: fmt.number(comment.csatScore, 1) })}
                    </span>
                  )}
                  {comment.channel && <span className="lb-metrics-comment-channel">{comment.channel}</span>}
                </div>
                <p className="lb-metrics-comment-text lb-selectable">{comment.comment}</p>
              </li>
            ))}
          </ol>
        )}
        {current && current.rows.length < current.total && !failure && (
          <div className="lb-metrics-comments-more">
            <button
              type="button"
              className="lb-button is-secondary"
              disabled={loading}
              data-testid="metrics-comments-more"
              onClick={() => setMore({ key, offset: current.rows.length })}
            >
              {loading ? <Codicon name="loading" spin /> : <Codicon name="chevron-down" />}
              {t('metrics.comments.loadMore')}
            </button>
            <span className="lb-metrics-muted" data-testid="metrics-comments-shown">
              {t('metrics.comments.shown', {
                shown: formatCount(i18n, current.rows.length),
                total: formatCount(i18n, current.total)
              })}
            </span>
          </div>
        )}
      </div>
    </aside>
  )
}
