import type { ErrorInfo, ReactNode } from 'react'
import { Component } from 'react'
import type { LanguageId } from '@shared/domain/preferences'
import { translate } from '@shared/i18n/translate'

interface State {
  error: Error | null
}

/** The last line of defence: if the shell itself fails, say so instead of showing a blank window. */
export class RootErrorBoundary extends Component<{ language: LanguageId; children: ReactNode }, State> {
  override state: State = { error: null }

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) }
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Loopbench workbench failed', error, info.componentStack)
  }

  override render(): ReactNode {
    const { error } = this.state
    if (!error) return this.props.children
    const t = (key: 'error.bootFailed' | 'error.editorCrashed.retry'): string =>
      translate(this.props.language, key)
    return (
      <div className="lb-root-error" role="alert">
        <h1>{t('error.bootFailed')}</h1>
        <pre>{error.message}</pre>
        <button type="button" onClick={() => window.location.reload()}>
          {t('error.editorCrashed.retry')}
        </button>
      </div>
    )
  }
}
