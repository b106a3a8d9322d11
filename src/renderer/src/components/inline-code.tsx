import type { ReactElement } from 'react'

/** Renders `backticked` parts of a translated message as code. */
export function InlineCode({ text }: { text: string }): ReactElement {
  const parts = text.split('`')
  return (
    <>
      {parts.map((part, index) =>
        index % 2 === 1 ? (
          <code key={index} className="lb-code lb-selectable">
            {part}
          </code>
        ) : (
          <span key={index}>{part}</span>
        )
      )}
    </>
  )
}
