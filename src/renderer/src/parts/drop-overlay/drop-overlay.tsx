import type { ReactElement } from 'react'
import { useEffect, useRef, useState } from 'react'
import { Codicon } from '../../components/codicon'
import { useI18n } from '../../i18n/i18n-context'
import { useStore } from '../../state/store'
import { useWorkbench } from '../../state/workbench-context'
import './drop-overlay.css'

/** The overlay hides when no `dragover` came for this long (the pointer left the window). */
const DRAG_IDLE_MS = 350

/** True when a drag carries files (not text, not one of our own tabs). */
function carriesFiles(event: DragEvent): boolean {
  return Array.from(event.dataTransfer?.types ?? []).includes('Files')
}

/**
 * A file dragged anywhere over the window shows a drop overlay; dropping it opens the import
 * wizard with that file. Listens on the window, so no part has to handle drops itself.
 */
export function DropOverlay(): ReactElement | null {
  const wb = useWorkbench()
  const { t } = useI18n()
  const hasWorkspace = useStore(wb.session, (s) => s.workspace !== null)
  const [active, setActive] = useState(false)
  const idle = useRef<ReturnType<typeof setTimeout> | null>(null)

  useEffect(() => {
    const stopIdle = (): void => {
      if (idle.current !== null) clearTimeout(idle.current)
      idle.current = null
    }
    const show = (): void => {
      setActive(true)
      stopIdle()
      idle.current = setTimeout(() => setActive(false), DRAG_IDLE_MS)
    }
    const onDragOver = (event: DragEvent): void => {
      if (!carriesFiles(event)) return
      event.preventDefault()
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy'
      show()
    }
    const onDrop = (event: DragEvent): void => {
      if (!carriesFiles(event)) return
      event.preventDefault()
      stopIdle()
      setActive(false)
      const files = Array.from(event.dataTransfer?.files ?? [])
      const [file] = files
      if (!file) return
      if (files.length > 1) wb.notify('info', { key: 'import.drop.oneFile', params: { file: file.name } })
      wb.imports.importFile(file)
    }
    const onDragEnd = (): void => {
      stopIdle()
      setActive(false)
    }
    window.addEventListener('dragenter', onDragOver)
    window.addEventListener('dragover', onDragOver)
    window.addEventListener('drop', onDrop)
    window.addEventListener('dragend', onDragEnd)
    return () => {
      stopIdle()
      window.removeEventListener('dragenter', onDragOver)
      window.removeEventListener('dragover', onDragOver)
      window.removeEventListener('drop', onDrop)
      window.removeEventListener('dragend', onDragEnd)
    }
  }, [wb])

  useEffect(() => {
    document.body.classList.toggle('lb-drop-active', active)
  }, [active])

  if (!active) return null
  return (
    <div className="lb-drop-overlay" data-testid="drop-overlay" aria-hidden="true">
      <div className={`lb-drop-overlay-box${hasWorkspace ? '' : ' is-refused'}`}>
        <Codicon name={hasWorkspace ? 'cloud-upload' : 'circle-slash'} />
        <strong>{hasWorkspace ? t('import.drop.title') : t('import.noWorkspace')}</strong>
        {hasWorkspace && <span>{t('import.drop.description')}</span>}
      </div>
    </div>
  )
}
