import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect } from 'vitest'
import { ApiError } from '../../../../src/shared/api/errors'
import { openTableSource } from '../../../../src/main/core/import/readers/open-table'
import type {
  OpenOptions,
  RawRow,
  ReadInfo,
  ReadWarning
} from '../../../../src/main/core/import/readers/table-source'

/** Everything a table source yields, read to the end. */
export interface ReadResult {
  info: ReadInfo
  headerLines: string[][]
  rows: RawRow[]
  warnings: ReadWarning[]
  progress: { bytesRead: number; totalBytes: number }
}

/** Writes `content` to `dir/name` and returns the path. */
export function writeFixture(dir: string, name: string, content: string | Uint8Array): string {
  const path = join(dir, name)
  writeFileSync(path, content)
  return path
}

/** Opens a file and reads every row (in small chunks, so chunking is exercised too). */
export async function readAll(
  path: string,
  displayName: string,
  options: Partial<OpenOptions> = {}
): Promise<ReadResult> {
  const source = await openTableSource(path, displayName, { headerRows: 1, ...options })
  const rows: RawRow[] = []
  for await (const chunk of source.chunks(7)) rows.push(...chunk)
  return {
    info: source.info,
    headerLines: source.headerLines,
    rows,
    warnings: source.warnings?.() ?? [],
    progress: source.progress()
  }
}

/** The structural error a read produced (fails the test when there is none or another kind). */
export async function readFailure(
  work: Promise<unknown>
): Promise<{ message: string; line: number | null; reason: string; file: string }> {
  let caught: unknown = null
  try {
    await work
  } catch (error) {
    caught = error
  }
  expect(caught, 'the read should fail with a structural error').toBeInstanceOf(ApiError)
  const error = caught as ApiError
  expect(error.code).toBe('import_unreadable')
  const details = error.details as { file: string; line: number | null; reason: string }
  return { message: error.message, line: details.line, reason: details.reason, file: details.file }
}

/** The same, reading the whole file through openTableSource. */
export function readAllFailure(
  path: string,
  displayName: string,
  options: Partial<OpenOptions> = {}
): ReturnType<typeof readFailure> {
  return readFailure(readAll(path, displayName, options))
}
