import type { MessageKey } from '@shared/i18n/catalog'
import type { KeyEventLike, Platform, ResolvedKeybinding } from './keybinding'
import { matchesKeybinding, parseKeybinding } from './keybinding'

/** Facts a command's `when` clause may test. */
export interface CommandContext {
  hasWorkspace: boolean
  canSwitchWorkspace: boolean
  editorCount: number
  activeEditorKind: string | null
  activeEditorDirty: boolean
  panelVisible: boolean
  sideBarVisible: boolean
  quickInputOpen: boolean
  /** Focus is in a text field: single-key bindings must not fire. */
  inTextInput: boolean
}

/** One command: the palette, keybindings and in-app menus all run it by id. */
export interface Command {
  id: string
  title: MessageKey
  /** A prefix shown before the title in the palette ("View", "Theme"…). */
  category?: MessageKey
  /** Codicon name, for menus and pickers. */
  icon?: string
  /** Keybindings in VS Code notation; the first is the one shown. */
  keybindings?: readonly string[]
  /** When false the command is hidden from the palette and its keybindings do nothing. */
  when?: (context: CommandContext) => boolean
  /** Hidden from the palette (still runnable by id, e.g. from a menu). */
  hidden?: boolean
  run: () => unknown
}

/** A registered command with its keybindings resolved for the current platform. */
export interface RegisteredCommand extends Command {
  resolvedKeybindings: readonly ResolvedKeybinding[]
}

/** The one list of commands, with unique ids. */
export class CommandRegistry {
  private readonly commands = new Map<string, RegisteredCommand>()
  private readonly listeners = new Set<() => void>()

  constructor(readonly platform: Platform) {}

  /** Adds a command; a duplicate id is a programming error and throws. Returns an unregister function. */
  register(command: Command): () => void {
    if (this.commands.has(command.id)) throw new Error(`Command "${command.id}" is already registered`)
    const resolvedKeybindings = (command.keybindings ?? []).map((k) => parseKeybinding(k, this.platform))
    this.commands.set(command.id, { ...command, resolvedKeybindings })
    this.emit()
    return () => {
      if (this.commands.delete(command.id)) this.emit()
    }
  }

  get(id: string): RegisteredCommand | undefined {
    return this.commands.get(id)
  }

  has(id: string): boolean {
    return this.commands.has(id)
  }

  all(): RegisteredCommand[] {
    return [...this.commands.values()]
  }

  /** Commands the palette lists in this context. */
  available(context: CommandContext): RegisteredCommand[] {
    return this.all().filter((c) => !c.hidden && (c.when?.(context) ?? true))
  }

  /** True when the command exists and its `when` clause holds. */
  isEnabled(id: string, context: CommandContext): boolean {
    const command = this.commands.get(id)
    return command !== undefined && (command.when?.(context) ?? true)
  }

  /** The enabled command a key press triggers, if any. */
  findByKey(event: KeyEventLike, context: CommandContext): RegisteredCommand | undefined {
    for (const command of this.commands.values()) {
      if (!command.resolvedKeybindings.some((k) => matchesKeybinding(k, event))) continue
      if (
        context.inTextInput &&
        !command.resolvedKeybindings.some((k) => k.ctrl || k.meta || /^F\d/.test(k.key))
      )
        continue
      if (command.when?.(context) ?? true) return command
    }
    return undefined
  }

  /** Runs a command by id; returns false when it is unknown or unavailable here. */
  async run(id: string, context: CommandContext): Promise<boolean> {
    const command = this.commands.get(id)
    if (!command || !(command.when?.(context) ?? true)) return false
    await command.run()
    return true
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  private emit(): void {
    for (const listener of this.listeners) listener()
  }
}
