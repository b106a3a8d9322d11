import type { ErrorInfo, ReactNode } from 'react'
import { Component } from 'react'

interface Props {
  /** Renders the fallback; `retry` mounts the editor again. */
  fallback: (error: Error, retry: () => void) => ReactNode
  onError: (error: Error, info: ErrorInfo) => void
  children: ReactNode
}

interface State {
  error: Error | null
}

/** Keeps a failing editor from blanking the window: the tab shows a message and a retry button. */
export class EditorErrorBoundary extends Component<Props, State> {
  override state: State = { error: null }

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) }
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    this.props.onError(error, info)
  }

  override render(): ReactNode {
    if (this.state.error) return this.props.fallback(this.state.error, () => this.setState({ error: null }))
    return this.props.children
  }
}
