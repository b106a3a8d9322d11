import type { ReactElement } from 'react'
import { useI18n } from '../../i18n/i18n-context'
import { useStore } from '../../state/store'
import { useWorkbench } from '../../state/workbench-context'
import { findView } from '../../views/view-registry'
import './side-bar.css'

/** The side bar: the active view of the activity bar. */
export function SideBar({ width }: { width: number }): ReactElement {
  const wb = useWorkbench()
  const { t } = useI18n()
  const activeView = useStore(wb.preferences, (p) => p.preferences.layout.activeView)
  const view = findView(activeView)
  const View = view.component
  return (
    <aside
      className="lb-side-bar"
      style={{ width }}
      aria-label={t(view.title)}
      data-testid="side-bar"
      data-view={view.id}
    >
      <View />
    </aside>
  )
}
