import type { ReactElement } from 'react'
import { useRef } from 'react'
import { Codicon } from '../../components/codicon'
import { useI18n } from '../../i18n/i18n-context'
import { useWorkbench } from '../../state/workbench-context'

/** File types the chooser offers; the backend decides what a file really is. */
export const IMPORT_ACCEPT = '.csv,.tsv,.tab,.txt,.xlsx,.json,.ndjson,.jsonl'

/** The first step: a drop zone and "Choose file…", what can be imported, and where the file goes. */
export function ChooseStep(): ReactElement {
  const wb = useWorkbench()
  const { t } = useI18n()
  const input = useRef<HTMLInputElement>(null)
  const files = wb.imports.files
  const choose = (): void => {
    if (files.picker === 'native') void wb.imports.pickFile()
    else input.current?.click()
  }
  return (
    <div className="lb-import-body lb-import-choose">
      <div className="lb-import-dropzone" data-testid="import-dropzone">
        <span className="lb-import-dropzone-icon" aria-hidden="true">
          <Codicon name="cloud-upload" />
        </span>
        <h2>{t('import.choose.heading')}</h2>
        <p className="lb-import-dropzone-or">{t('import.choose.or')}</p>
        <button type="button" className="lb-button" data-testid="import-choose" onClick={choose} autoFocus>
          <Codicon name="folder-opened" />
          {t('import.choose.button')}
        </button>
        {files.picker === 'input' && (
          <input
            ref={input}
            type="file"
            className="lb-visually-hidden"
            accept={IMPORT_ACCEPT}
            tabIndex={-1}
            aria-label={t('import.choose.inputLabel')}
            data-testid="import-file-input"
            onChange={(e) => {
              const file = e.target.files?.[0]
              e.target.value = ''
              if (file) wb.imports.importFile(file)
            }}
          />
        )}
        <p className="lb-import-formats">{t('import.choose.formats')}</p>
      </div>
      <div className="lb-import-choose-notes">
        <p>
          <Codicon name="info" />
          <span>{t('import.choose.sources')}</span>
        </p>
        <p className="lb-import-privacy" data-testid="import-privacy">
          <Codicon name="shield" />
          <span>
            {t(files.mode === 'upload' ? 'import.choose.privacyWeb' : 'import.choose.privacyDesktop')}
          </span>
        </p>
        <p>
          <Codicon name="lightbulb" />
          <span>{t('import.choose.tip')}</span>
        </p>
      </div>
    </div>
  )
}
