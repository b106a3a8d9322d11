import type { ReactElement } from 'react'
import { useEffect } from 'react'
import { Codicon } from '../../components/codicon'
import { IconButton } from '../../components/icon-button'
import { InlineCode } from '../../components/inline-code'
import { describeError } from '../../i18n/error-message'
import { useI18n } from '../../i18n/i18n-context'
import type { Notification } from '../../state/log-model'
import { useStore } from '../../state/store'
import { useWorkbench } from '../../state/workbench-context'
import './notifications.css'

const ICONS = { error: 'error', warning: 'warning', info: 'info' } as const

/** Toasts in the bottom-right corner; errors stay until dismissed, the rest fade on their own. */
export function Notifications(): ReactElement {
  const wb = useWorkbench()
  const { t } = useI18n()
  const notifications = useStore(wb.notifications)
  return (
    <section
      className="lb-notifications"
      aria-label={t('workbench.notifications')}
      data-testid="notifications"
    >
      {notifications.map((n) => (
        <Toast key={n.id} notification={n} />
      ))}
    </section>
  )
}

function Toast({ notification }: { notification: Notification }): ReactElement {
  const wb = useWorkbench()
  const { t, text, language } = useI18n()
  const { id, timeoutMs } = notification
  useEffect(() => {
    if (!timeoutMs) return
    const handle = setTimeout(() => wb.dismissNotification(id), timeoutMs)
    return () => clearTimeout(handle)
  }, [wb, id, timeoutMs])
  const details = 'error' in notification.text ? describeError(language, notification.text.error).details : []
  return (
    <div
      className={`lb-toast is-${notification.severity}`}
      role={notification.severity === 'error' ? 'alert' : 'status'}
      data-testid="notification"
      data-severity={notification.severity}
    >
      <Codicon name={ICONS[notification.severity]} className="lb-toast-icon" />
      <div className="lb-toast-body">
        <p className="lb-toast-message lb-selectable" data-testid="notification-message">
          <InlineCode text={text(notification.text)} />
        </p>
        {details.map((line) => (
          <p key={line} className="lb-toast-detail lb-selectable">
            {line}
          </p>
        ))}
        {notification.action && (
          <div className="lb-toast-actions">
            <button
              type="button"
              className="lb-button is-secondary"
              onClick={() => {
                wb.dismissNotification(id)
                void wb.runCommand(notification.action?.commandId ?? '')
              }}
            >
              {t(notification.action.label)}
            </button>
          </div>
        )}
      </div>
      <IconButton
        icon="close"
        className="lb-toast-close"
        label={t('notification.dismiss')}
        testId="notification-close"
        onClick={() => wb.dismissNotification(id)}
      />
    </div>
  )
}
