import { describe, expect, it } from 'vitest'
import {
  detectPlatform,
  eventKey,
  formatKeybinding,
  matchesKeybinding,
  parseKeybinding
} from '../../../src/renderer/src/commands/keybinding'
import type { KeyEventLike } from '../../../src/renderer/src/commands/keybinding'

const press = (key: string, mods: Partial<KeyEventLike> = {}, code?: string): KeyEventLike => ({
  key,
  ...(code ? { code } : {}),
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods
})

describe('parseKeybinding', () => {
  it('resolves CtrlCmd to Cmd on macOS and to Ctrl elsewhere', () => {
    expect(parseKeybinding('CtrlCmd+Shift+P', 'mac')).toEqual({
      ctrl: false,
      meta: true,
      shift: true,
      alt: false,
      key: 'P'
    })
    expect(parseKeybinding('CtrlCmd+Shift+P', 'other')).toEqual({
      ctrl: true,
      meta: false,
      shift: true,
      alt: false,
      key: 'P'
    })
  })

  it('keeps Ctrl as the Control key on every platform', () => {
    expect(parseKeybinding('Ctrl+PageDown', 'mac')).toMatchObject({
      ctrl: true,
      meta: false,
      key: 'PageDown'
    })
    expect(parseKeybinding('Ctrl+Tab', 'other')).toMatchObject({ ctrl: true, key: 'Tab' })
  })

  it('normalises key names', () => {
    expect(parseKeybinding('F1', 'other').key).toBe('F1')
    expect(parseKeybinding('ctrl+pageup', 'other').key).toBe('PageUp')
    expect(parseKeybinding('CtrlCmd+,', 'other').key).toBe(',')
    expect(parseKeybinding('Ctrl+w', 'other').key).toBe('W')
  })

  it('rejects unknown modifiers and empty keys', () => {
    expect(() => parseKeybinding('Hyper+P', 'other')).toThrow(/unknown modifier/)
    expect(() => parseKeybinding('', 'other')).toThrow()
  })
})

describe('matchesKeybinding', () => {
  const palette = (platform: 'mac' | 'other') => parseKeybinding('CtrlCmd+Shift+P', platform)

  it('matches Ctrl+Shift+P on Windows and Linux, not Cmd', () => {
    expect(matchesKeybinding(palette('other'), press('P', { ctrlKey: true, shiftKey: true }, 'KeyP'))).toBe(
      true
    )
    expect(matchesKeybinding(palette('other'), press('P', { metaKey: true, shiftKey: true }, 'KeyP'))).toBe(
      false
    )
  })

  it('matches Cmd+Shift+P on macOS, not Ctrl', () => {
    expect(matchesKeybinding(palette('mac'), press('p', { metaKey: true, shiftKey: true }, 'KeyP'))).toBe(
      true
    )
    expect(matchesKeybinding(palette('mac'), press('p', { ctrlKey: true, shiftKey: true }, 'KeyP'))).toBe(
      false
    )
  })

  it('requires exactly the modifiers of the binding', () => {
    const quickOpen = parseKeybinding('CtrlCmd+P', 'other')
    expect(matchesKeybinding(quickOpen, press('p', { ctrlKey: true }, 'KeyP'))).toBe(true)
    expect(matchesKeybinding(quickOpen, press('P', { ctrlKey: true, shiftKey: true }, 'KeyP'))).toBe(false)
    expect(matchesKeybinding(quickOpen, press('p', {}, 'KeyP'))).toBe(false)
  })

  it('uses the physical key for letters, so Alt combinations on macOS still match', () => {
    // Option+W types '∑' on a US Mac keyboard.
    expect(eventKey(press('∑', { altKey: true }, 'KeyW'))).toBe('W')
    expect(eventKey(press('PageDown', { ctrlKey: true }, 'PageDown'))).toBe('PageDown')
  })

  it('matches F1 and Ctrl+F4', () => {
    expect(matchesKeybinding(parseKeybinding('F1', 'other'), press('F1', {}, 'F1'))).toBe(true)
    expect(matchesKeybinding(parseKeybinding('Ctrl+F4', 'other'), press('F4', { ctrlKey: true }, 'F4'))).toBe(
      true
    )
  })
})

describe('formatKeybinding', () => {
  it('writes keybindings the way each platform does', () => {
    expect(formatKeybinding(parseKeybinding('CtrlCmd+Shift+P', 'mac'), 'mac')).toBe('⇧⌘P')
    expect(formatKeybinding(parseKeybinding('CtrlCmd+Shift+P', 'other'), 'other')).toBe('Ctrl+Shift+P')
    expect(formatKeybinding(parseKeybinding('Ctrl+PageDown', 'other'), 'other')).toBe('Ctrl+PageDown')
    expect(formatKeybinding(parseKeybinding('Ctrl+PageDown', 'mac'), 'mac')).toBe('⌃PgDn')
  })
})

describe('detectPlatform', () => {
  it('recognises macOS', () => {
    expect(detectPlatform({ platform: 'MacIntel' })).toBe('mac')
    expect(detectPlatform({ platform: 'Linux x86_64' })).toBe('other')
    expect(detectPlatform({ platform: 'Win32' })).toBe('other')
    expect(detectPlatform(undefined)).toBe('other')
  })
})
