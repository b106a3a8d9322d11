import type { ReactElement } from 'react'

/** A label with the characters a filter matched drawn in bold. */
export function HighlightedLabel({
  text,
  positions
}: {
  text: string
  positions: readonly number[]
}): ReactElement {
  if (positions.length === 0) return <span className="lb-label">{text}</span>
  const marked = new Set(positions)
  const parts: ReactElement[] = []
  let run = ''
  let runMarked = false
  const flush = (key: number): void => {
    if (!run) return
    parts.push(runMarked ? <mark key={key}>{run}</mark> : <span key={key}>{run}</span>)
    run = ''
  }
  ;[...text].forEach((ch, index) => {
    const isMarked = marked.has(index)
    if (isMarked !== runMarked) {
      flush(index)
      runMarked = isMarked
    }
    run += ch
  })
  flush(text.length)
  return <span className="lb-label">{parts}</span>
}
