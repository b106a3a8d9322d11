/**
 * Keybindings written as VS Code writes them: `CtrlCmd+Shift+P`, `Ctrl+PageDown`, `F1`.
 * `CtrlCmd` is Cmd on macOS and Ctrl elsewhere; `Ctrl` is the Control key everywhere.
 */

export type Platform = 'mac' | 'other'

/** A keybinding resolved for one platform. */
export interface ResolvedKeybinding {
  ctrl: boolean
  meta: boolean
  shift: boolean
  alt: boolean
  /** Normalised key: an upper-case letter, a digit, or a key name such as `PageUp`, `F1`, `,`. */
  key: string
}

/** The parts of a keyboard event a keybinding is matched against. */
export interface KeyEventLike {
  key: string
  code?: string
  ctrlKey: boolean
  metaKey: boolean
  shiftKey: boolean
  altKey: boolean
}

const KEY_ALIASES: Readonly<Record<string, string>> = {
  esc: 'Escape',
  escape: 'Escape',
  enter: 'Enter',
  return: 'Enter',
  tab: 'Tab',
  space: ' ',
  pageup: 'PageUp',
  pagedown: 'PageDown',
  home: 'Home',
  end: 'End',
  left: 'ArrowLeft',
  right: 'ArrowRight',
  up: 'ArrowUp',
  down: 'ArrowDown',
  backspace: 'Backspace',
  delete: 'Delete',
  comma: ',',
  backquote: '`'
}

function normaliseKeyName(raw: string): string {
  if (raw.length === 1) return raw.toUpperCase()
  const alias = KEY_ALIASES[raw.toLowerCase()]
  if (alias) return alias
  if (/^f\d{1,2}$/i.test(raw)) return raw.toUpperCase()
  return raw
}

/** Parses a keybinding for a platform; throws on a malformed one so mistakes surface in tests. */
export function parseKeybinding(text: string, platform: Platform): ResolvedKeybinding {
  const parts = text.split('+').map((p) => p.trim())
  // "Ctrl++" binds the plus key: an empty last part after a trailing '+'.
  if (text.endsWith('++')) parts.splice(parts.length - 2, 2, '+')
  const keyPart = parts.pop()
  if (!keyPart) throw new Error(`Keybinding "${text}" has no key`)
  const result: ResolvedKeybinding = { ctrl: false, meta: false, shift: false, alt: false, key: '' }
  for (const modifier of parts) {
    switch (modifier.toLowerCase()) {
      case 'ctrlcmd':
        if (platform === 'mac') result.meta = true
        else result.ctrl = true
        break
      case 'ctrl':
        result.ctrl = true
        break
      case 'cmd':
      case 'meta':
        result.meta = true
        break
      case 'shift':
        result.shift = true
        break
      case 'alt':
      case 'option':
        result.alt = true
        break
      default:
        throw new Error(`Keybinding "${text}" has an unknown modifier "${modifier}"`)
    }
  }
  result.key = normaliseKeyName(keyPart)
  return result
}

/** The key of an event, independent of keyboard layout for letters and digits. */
export function eventKey(event: KeyEventLike): string {
  const code = event.code ?? ''
  const letter = /^Key([A-Z])$/.exec(code)
  if (letter?.[1]) return letter[1]
  const digit = /^Digit(\d)$/.exec(code)
  if (digit?.[1]) return digit[1]
  return normaliseKeyName(event.key)
}

/** True when a keyboard event presses exactly this keybinding. */
export function matchesKeybinding(binding: ResolvedKeybinding, event: KeyEventLike): boolean {
  return (
    binding.ctrl === event.ctrlKey &&
    binding.meta === event.metaKey &&
    binding.shift === event.shiftKey &&
    binding.alt === event.altKey &&
    binding.key === eventKey(event)
  )
}

const MAC_SYMBOLS: Readonly<Record<string, string>> = {
  PageUp: 'PgUp',
  PageDown: 'PgDn',
  Escape: 'Esc',
  Enter: '↩',
  Tab: '⇥',
  ArrowLeft: '←',
  ArrowRight: '→',
  ArrowUp: '↑',
  ArrowDown: '↓',
  ' ': 'Space'
}
const OTHER_NAMES: Readonly<Record<string, string>> = {
  Escape: 'Esc',
  ArrowLeft: 'Left',
  ArrowRight: 'Right',
  ArrowUp: 'Up',
  ArrowDown: 'Down',
  ' ': 'Space'
}

/** A keybinding as the platform writes it: `⇧⌘P` on macOS, `Ctrl+Shift+P` elsewhere. */
export function formatKeybinding(binding: ResolvedKeybinding, platform: Platform): string {
  if (platform === 'mac') {
    const mods = `${binding.ctrl ? '⌃' : ''}${binding.alt ? '⌥' : ''}${binding.shift ? '⇧' : ''}${binding.meta ? '⌘' : ''}`
    return `${mods}${MAC_SYMBOLS[binding.key] ?? binding.key}`
  }
  const parts: string[] = []
  if (binding.ctrl) parts.push('Ctrl')
  if (binding.shift) parts.push('Shift')
  if (binding.alt) parts.push('Alt')
  if (binding.meta) parts.push('Win')
  parts.push(OTHER_NAMES[binding.key] ?? binding.key)
  return parts.join('+')
}

/** The platform of the browser the renderer runs in. */
export function detectPlatform(nav: { platform?: string; userAgent?: string } | undefined): Platform {
  const text = `${nav?.platform ?? ''} ${nav?.userAgent ?? ''}`
  return /Mac|iPhone|iPad/.test(text) ? 'mac' : 'other'
}
