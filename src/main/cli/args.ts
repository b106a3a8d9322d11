import { parseArgs } from 'node:util'
import type { ParseArgsConfig } from 'node:util'
import { UsageError } from './cli-io'

type Options = NonNullable<ParseArgsConfig['options']>

/** Parses a command's arguments strictly; unknown options become a usage error. */
export function parseCommandArgs<O extends Options>(
  command: string,
  argv: string[],
  options: O,
  allowPositionals = false
): { values: Record<string, string | boolean | undefined>; positionals: string[] } {
  try {
    const parsed = parseArgs({ args: argv, options, strict: true, allowPositionals })
    return {
      values: parsed.values as Record<string, string | boolean | undefined>,
      positionals: parsed.positionals
    }
  } catch (error) {
    throw new UsageError(`${command}: ${(error as Error).message.replace(/\. To specify.*$/s, '')}`)
  }
}

/** A required string option. */
export function requireString(command: string, values: Record<string, unknown>, name: string): string {
  const value = values[name]
  if (typeof value !== 'string' || value.length === 0) {
    throw new UsageError(`${command}: --${name} is required`)
  }
  return value
}

/** An optional integer option within bounds. */
export function optionalInt(
  command: string,
  values: Record<string, unknown>,
  name: string,
  min: number,
  max: number
): number | undefined {
  const value = values[name]
  if (value === undefined) return undefined
  const n = Number(value)
  if (typeof value !== 'string' || !/^\d+$/.test(value) || n < min || n > max) {
    throw new UsageError(`${command}: --${name} must be a whole number from ${min} to ${max}`)
  }
  return n
}
