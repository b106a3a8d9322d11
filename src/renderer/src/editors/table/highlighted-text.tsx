import type { ReactElement } from 'react'
import { highlightRanges, splitByRanges } from './highlight'

/** A cell's text with the search words marked. */
export function HighlightedText({ text, terms }: { text: string; terms: readonly string[] }): ReactElement {
  const parts = splitByRanges(text, highlightRanges(text, terms))
  return (
    <>
      {parts.map((part, index) =>
        part.match ? (
          <mark key={index} className="lb-search-match">
            {part.text}
          </mark>
        ) : (
          <span key={index}>{part.text}</span>
        )
      )}
    </>
  )
}
