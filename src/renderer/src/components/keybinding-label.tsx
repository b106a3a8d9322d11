import type { ReactElement } from 'react'

/** A formatted keybinding (`Ctrl+Shift+P`, `⇧⌘P`) drawn as key caps. */
export function KeybindingLabel({ text }: { text: string }): ReactElement {
  // Mac symbols are one key each; elsewhere keys are joined with '+'.
  const keys = text.includes('+') && text.length > 1 ? text.split('+') : [...splitMac(text)]
  return (
    <span className="lb-kbd" aria-label={text}>
      {keys.map((key, index) => (
        <kbd key={index}>{key}</kbd>
      ))}
    </span>
  )
}

function* splitMac(text: string): Generator<string> {
  const symbols = '⌃⌥⇧⌘'
  let rest = text
  while (rest.length > 0 && symbols.includes(rest[0] ?? '')) {
    yield rest[0] ?? ''
    rest = rest.slice(1)
  }
  if (rest) yield rest
}
