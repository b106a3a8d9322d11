import type { KeyboardEvent, ReactElement } from 'react'
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react'
import { Codicon } from '../../components/codicon'
import { HighlightedLabel } from '../../components/highlighted-label'
import { KeybindingLabel } from '../../components/keybinding-label'
import { fuzzyFilter } from '../../commands/fuzzy'
import { useI18n } from '../../i18n/i18n-context'
import { COMMAND_PREFIX } from '../../state/quick-input-model'
import type { InputBox, QuickInputState } from '../../state/quick-input-model'
import { useStore } from '../../state/store'
import { useWorkbench } from '../../state/workbench-context'
import type { QuickItem } from './quick-input-items'
import { commandItems, quickOpenItems } from './quick-input-items'
import './quick-input.css'

/** The quick input at the top of the window: Quick Open, the command palette and pickers. */
export function QuickInput(): ReactElement | null {
  const wb = useWorkbench()
  const state = useStore(wb.quickInput)
  if (!state) return null
  // A new request (another shortcut, another picker) starts fresh.
  if (state.mode === 'input') return <InputBoxWidget key={state.seq} request={state.input} seq={state.seq} />
  return <QuickInputWidget key={state.seq} state={state} />
}

function QuickInputWidget({ state }: { state: Exclude<QuickInputState, { mode: 'input' }> }): ReactElement {
  const wb = useWorkbench()
  const i18n = useI18n()
  const { t } = i18n
  const session = useStore(wb.session)
  const tabs = useStore(wb.tabs)
  const [value, setValue] = useState(state.mode === 'palette' ? state.value : '')
  // A picker starts on the current choice (the theme in use…).
  const [activeIndex, setActiveIndex] = useState(() =>
    state.mode === 'pick' && state.picker.activeId
      ? Math.max(
          0,
          state.picker.items(i18n).findIndex((i) => i.id === state.picker.activeId)
        )
      : 0
  )
  const input = useRef<HTMLInputElement>(null)
  const list = useRef<HTMLUListElement>(null)
  const restoreFocus = useRef<Element | null>(null)
  const accepted = useRef(false)

  const commandMode = state.mode === 'palette' && value.startsWith(COMMAND_PREFIX)
  const query = commandMode ? value.slice(COMMAND_PREFIX.length) : value

  const items: QuickItem[] = useMemo(() => {
    if (state.mode === 'pick') {
      return state.picker
        .items(i18n)
        .map((item) => ({ ...item, accept: () => state.picker.onAccept(item.id) }))
    }
    if (commandMode) {
      return commandItems(wb.commands, wb.context(), i18n, (id) => void wb.runCommand(id))
    }
    return quickOpenItems(wb, session, tabs, i18n)
  }, [state, commandMode, wb, i18n, session, tabs])

  const results = useMemo(
    () =>
      fuzzyFilter(
        query.trim(),
        items.map((item) => ({
          item,
          texts: [item.label, ...(item.alternates ?? []), item.description ?? '']
        }))
      ),
    [query, items]
  )
  // Groups only make sense in the unfiltered list.
  const showGroups = query.trim() === ''

  useLayoutEffect(() => {
    restoreFocus.current = document.activeElement
    input.current?.focus()
    // Place the caret after a '>' prefix rather than selecting it.
    const length = input.current?.value.length ?? 0
    input.current?.setSelectionRange(length, length)
  }, [])

  const active = results[Math.min(activeIndex, results.length - 1)]
  useEffect(() => {
    if (state.mode === 'pick' && active) state.picker.onActive?.(active.item.id)
  }, [state, active])
  useEffect(() => {
    list.current?.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' })
  }, [activeIndex, results])

  const close = (cancelled: boolean): void => {
    if (cancelled && state.mode === 'pick') state.picker.onCancel?.()
    wb.closeQuickInput()
    const back = restoreFocus.current
    if (back instanceof HTMLElement && back.isConnected) back.focus()
  }
  const accept = (item: QuickItem | undefined): void => {
    if (!item || accepted.current) return
    accepted.current = true
    close(false)
    item.accept()
  }

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>): void => {
    const count = results.length
    const page = 10
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault()
        setActiveIndex((i) => (count ? (i + 1) % count : 0))
        break
      case 'ArrowUp':
        e.preventDefault()
        setActiveIndex((i) => (count ? (i - 1 + count) % count : 0))
        break
      case 'PageDown':
        e.preventDefault()
        setActiveIndex((i) => Math.min(count - 1, i + page))
        break
      case 'PageUp':
        e.preventDefault()
        setActiveIndex((i) => Math.max(0, i - page))
        break
      case 'Enter':
        e.preventDefault()
        accept(active?.item)
        break
      case 'Escape':
        e.preventDefault()
        e.stopPropagation()
        close(true)
        break
    }
  }

  const placeholder =
    state.mode === 'pick'
      ? t(state.picker.placeholder, state.picker.placeholderParams)
      : commandMode
        ? t('quickInput.commandsPlaceholder')
        : t('quickInput.quickOpenPlaceholder')
  const listId = 'lb-quick-input-list'
  const optionId = (index: number): string => `lb-quick-input-option-${index}`

  return (
    <div className="lb-quick-input-backdrop" onPointerDown={() => close(true)}>
      <div
        className="lb-quick-input"
        role="dialog"
        aria-label={placeholder}
        data-testid="quick-input"
        data-seq={state.seq}
        data-mode={state.mode === 'pick' ? `pick:${state.picker.id}` : commandMode ? 'commands' : 'quickOpen'}
        onPointerDown={(e) => e.stopPropagation()}
      >
        <div className="lb-quick-input-box">
          <input
            ref={input}
            className="lb-input"
            role="combobox"
            aria-expanded="true"
            aria-controls={listId}
            aria-autocomplete="list"
            aria-activedescendant={active ? optionId(results.indexOf(active)) : undefined}
            placeholder={placeholder}
            spellCheck={false}
            autoComplete="off"
            data-testid="quick-input-box"
            value={value}
            onChange={(e) => {
              setValue(e.target.value)
              setActiveIndex(0)
            }}
            onKeyDown={onKeyDown}
          />
        </div>
        <ul ref={list} id={listId} className="lb-quick-input-list" role="listbox" aria-label={placeholder}>
          {results.length === 0 && (
            <li className="lb-quick-input-empty" role="presentation" data-testid="quick-input-empty">
              {commandMode ? t('quickInput.noCommands') : t('quickInput.noResults')}
            </li>
          )}
          {results.map((result, index) => {
            const item = result.item
            const selected = result === active
            return (
              <li
                key={item.id}
                id={optionId(index)}
                role="option"
                aria-selected={selected}
                className={`lb-quick-input-item${selected ? ' is-active' : ''}${showGroups && item.group && index > 0 ? ' has-separator' : ''}`}
                data-testid="quick-input-item"
                data-item-id={item.id}
                onPointerMove={() => {
                  if (activeIndex !== index) setActiveIndex(index)
                }}
                onClick={() => accept(item)}
              >
                <span className="lb-quick-input-icon">
                  {item.checked ? <Codicon name="check" /> : item.icon ? <Codicon name={item.icon} /> : null}
                </span>
                <span className="lb-quick-input-label">
                  <HighlightedLabel text={item.label} positions={result.labelPositions} />
                  {item.description && <span className="lb-quick-input-description">{item.description}</span>}
                </span>
                {showGroups && item.group ? (
                  <span className="lb-quick-input-group">{item.group}</span>
                ) : item.keybinding ? (
                  <KeybindingLabel text={item.keybinding} />
                ) : null}
              </li>
            )
          })}
        </ul>
      </div>
    </div>
  )
}

/** The input box: one line of text, a prompt or the reason it cannot be accepted, Enter and Escape. */
function InputBoxWidget({ request, seq }: { request: InputBox; seq: number }): ReactElement {
  const wb = useWorkbench()
  const i18n = useI18n()
  const { t } = i18n
  const [value, setValue] = useState(request.value ?? '')
  const [tried, setTried] = useState(false)
  const input = useRef<HTMLInputElement>(null)
  const restoreFocus = useRef<Element | null>(null)
  const done = useRef(false)
  const messageId = 'lb-quick-input-message'
  // The reason shows once the user typed or pressed Enter, not on an untouched box.
  const problem = request.validate?.(value, i18n) ?? null
  const shown = tried || value !== (request.value ?? '') ? problem : null

  useLayoutEffect(() => {
    restoreFocus.current = document.activeElement
    input.current?.focus()
    input.current?.select()
  }, [])

  const close = (): void => {
    wb.closeQuickInput()
    const back = restoreFocus.current
    if (back instanceof HTMLElement && back.isConnected) back.focus()
  }
  const cancel = (): void => {
    if (done.current) return
    done.current = true
    close()
    request.onCancel?.()
  }
  const accept = (): void => {
    if (done.current) return
    if (problem) {
      setTried(true)
      return
    }
    done.current = true
    close()
    request.onAccept(value)
  }

  return (
    <div className="lb-quick-input-backdrop" onPointerDown={cancel}>
      <div
        className="lb-quick-input"
        role="dialog"
        aria-label={t(request.placeholder, request.placeholderParams)}
        data-testid="quick-input"
        data-seq={seq}
        data-mode={`input:${request.id}`}
        onPointerDown={(e) => e.stopPropagation()}
      >
        <div className="lb-quick-input-box">
          <input
            ref={input}
            className="lb-input"
            placeholder={t(request.placeholder, request.placeholderParams)}
            aria-label={t(request.placeholder, request.placeholderParams)}
            aria-describedby={messageId}
            aria-invalid={shown !== null}
            spellCheck={false}
            autoComplete="off"
            maxLength={request.maxLength}
            data-testid="quick-input-box"
            value={value}
            onChange={(e) => setValue(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault()
                accept()
              } else if (e.key === 'Escape') {
                e.preventDefault()
                e.stopPropagation()
                cancel()
              }
            }}
          />
        </div>
        <p
          id={messageId}
          className={`lb-quick-input-message${shown ? ' is-error' : ''}`}
          role={shown ? 'alert' : undefined}
          data-testid="quick-input-message"
        >
          {shown ? <Codicon name="error" /> : null}
          {shown ?? request.prompt(i18n)}
        </p>
      </div>
    </div>
  )
}
