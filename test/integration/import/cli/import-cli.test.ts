import { copyFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCli } from '../../../../src/main/cli/cli'
import type { CliContext } from '../../../../src/main/cli/cli-io'
import { makeTempDir } from '../../../helpers/temp-dir'
import { recordingIo } from '../../../helpers/recording-io'
import type { RecordingIo } from '../../../helpers/recording-io'

const PRESETS = join(process.cwd(), 'test', 'fixtures', 'import', 'presets')

let dir: string
let cleanup: () => void
let io: RecordingIo
let ctx: CliContext
let workspace: string

beforeEach(() => {
  ;({ dir, cleanup } = makeTempDir())
  io = recordingIo(dir, { LOOPBENCH_CONFIG_DIR: join(dir, 'config') })
  ctx = { io, paths: { staticDir: dir }, version: '1.0.0' }
  workspace = join(dir, 'w.loopbench')
})
afterEach(() => cleanup())

function query<T>(sql: string, ...args: unknown[]): T[] {
  const db = new Database(workspace, { readonly: true })
  const rows = db.prepare(sql).all(...args) as T[]
  db.close()
  return rows
}

async function importJson(
  ...args: string[]
): Promise<{ code: number; batches: Array<Record<string, unknown>> }> {
  io.out = ''
  io.err = ''
  const code = await runCli(['import', ...args, '--workspace', workspace, '--json'], ctx)
  return {
    code,
    batches: io.out ? (JSON.parse(io.out) as { batches: Array<Record<string, unknown>> }).batches : []
  }
}

describe('loopbench import', () => {
  it('imports a Zendesk export with its preset, prints the documented JSON, and re-imports nothing', async () => {
    const file = join(PRESETS, 'zendesk-tickets.csv')
    const first = await importJson(file)
    expect(first.code).toBe(0)
    expect(first.batches).toHaveLength(1)
    const batch = first.batches[0]!
    expect(Object.keys(batch).sort()).toEqual(
      [
        'committedMs',
        'elapsedMs',
        'file',
        'inserted',
        'kind',
        'preset',
        'rejected',
        'rejects',
        'rowsRead',
        'unchanged',
        'updated'
      ].sort()
    )
    expect(batch).toMatchObject({
      file: 'zendesk-tickets.csv',
      kind: 'tickets',
      preset: 'zendesk',
      rejected: 0
    })
    expect(batch.inserted).toBe(batch.rowsRead)
    const tickets = query<{
      external_id: string
      source_system: string
      status: string
      text: string
      created_at: number
    }>('SELECT external_id, source_system, status, text, created_at FROM tickets ORDER BY external_id')
    expect(tickets.length).toBe(batch.rowsRead)
    expect(tickets[0]).toMatchObject({ external_id: '48213', source_system: 'zendesk', status: 'Solved' })
    expect(tickets.some((t) => t.text === '支付宝付款后订单显示未支付')).toBe(true)

    const again = await importJson(file)
    expect(again.batches[0]).toMatchObject({ inserted: 0, updated: 0, unchanged: batch.rowsRead })
    expect(query('SELECT count(*) AS n FROM tickets')).toEqual([{ n: batch.rowsRead }])
  })

  it('imports a GB18030 file with Chinese headers without garbling a character', async () => {
    const { code, batches } = await importJson(join(PRESETS, 'helpdesk-zh.gb18030.csv'))
    expect(code).toBe(0)
    expect(batches[0]).toMatchObject({ kind: 'tickets', preset: 'helpdesk-zh', rejected: 0 })
    const texts = query<{ text: string }>('SELECT text FROM tickets').map((t) => t.text)
    expect(texts.length).toBeGreaterThan(3)
    for (const t of texts) {
      expect(t).not.toMatch(/\uFFFD|Ã|â€/)
      expect(t).toMatch(/[\u4e00-\u9fff]/)
    }
    // 𠮷 is outside GBK: only a real GB18030 decode keeps it.
    expect(texts.join('')).toContain('𠮷')
  })

  it('imports SurveyMonkey (two header rows) and Qualtrics (three) exports with their scores', async () => {
    const sm = await importJson(join(PRESETS, 'surveymonkey-responses.csv'))
    expect(sm.batches[0]).toMatchObject({ kind: 'survey_responses', preset: 'surveymonkey', rejected: 0 })
    const q = await importJson(join(PRESETS, 'qualtrics-responses.csv'))
    expect(q.batches[0]).toMatchObject({ kind: 'survey_responses', preset: 'qualtrics', rejected: 0 })
    const rows = query<{ source_system: string; n: number; nps: number; csat: number }>(
      'SELECT source_system, count(*) AS n, count(nps_score) AS nps, count(csat_score) AS csat FROM survey_responses GROUP BY 1 ORDER BY 1'
    )
    expect(rows.map((r) => r.source_system)).toEqual(['qualtrics', 'surveymonkey'])
    for (const r of rows) {
      expect(r.n).toBeGreaterThan(3)
      expect(r.nps + r.csat).toBeGreaterThan(0)
    }
    const outOfRange = query<{ n: number }>(
      'SELECT count(*) AS n FROM survey_responses WHERE nps_score NOT BETWEEN 0 AND 10 OR csat_score > csat_scale_max OR csat_score < 1'
    )
    expect(outOfRange).toEqual([{ n: 0 }])
  })

  it('reports a rejected row with its file and line, and an unreadable file on stderr with a non-zero exit', async () => {
    const csv = join(dir, 'tickets.csv')
    const rows = ['ticket_id,created_at,channel,description']
    for (let i = 1; i <= 40; i++)
      rows.push(`T${i},2026-03-0${(i % 9) + 1} 10:00,email,Order ${i} never arrived`)
    rows.push('T99,not a date,email,This one has a broken date')
    writeFileSync(csv, rows.join('\n') + '\n')
    const ok = await importJson(csv)
    expect(ok.code).toBe(0)
    expect(ok.batches[0]).toMatchObject({ inserted: 40, rejected: 1 })
    expect(ok.batches[0]!.rejects).toEqual([
      { line: 42, reason: expect.stringMatching(/created_at.*not a date/i) }
    ])

    const broken = join(dir, 'broken.csv')
    writeFileSync(
      broken,
      'ticket_id,created_at,description\nT1,2026-03-01,"never closed quote\nT2,2026-03-02,fine\n'
    )
    io.err = ''
    const code = await runCli(['import', broken, '--workspace', workspace], ctx)
    expect(code).toBe(1)
    expect(io.err).toMatch(/broken\.csv.*line 2/)
    expect(query('SELECT count(*) AS n FROM tickets')).toEqual([{ n: 40 }])
  })

  it('takes --kind and --mapping, and refuses a mapping that leaves required fields out', async () => {
    const csv = join(dir, 'odd.csv')
    writeFileSync(
      csv,
      'a,b,c\nX1,2026-03-01T08:00:00Z,Refund please\nX2,2026-03-02T08:00:00Z,Where is my parcel\n'
    )
    const mapping = {
      mapping: {
        kind: 'tickets',
        preset: null,
        sourceSystem: 'legacy',
        columns: [
          { index: 0, header: 'a', role: 'externalId' },
          { index: 1, header: 'b', role: 'createdAt' },
          { index: 2, header: 'c', role: 'text' }
        ],
        dateOrder: null,
        csatScaleMax: null,
        experiment: null
      }
    }
    const mappingFile = join(dir, 'm.json')
    writeFileSync(mappingFile, JSON.stringify(mapping))
    const result = await importJson(csv, '--mapping', mappingFile)
    expect(result.code).toBe(0)
    expect(query('SELECT external_id, source_system, text FROM tickets ORDER BY 1')).toEqual([
      { external_id: 'X1', source_system: 'legacy', text: 'Refund please' },
      { external_id: 'X2', source_system: 'legacy', text: 'Where is my parcel' }
    ])
    mapping.mapping.columns[2]!.role = 'subject'
    writeFileSync(mappingFile, JSON.stringify(mapping))
    io.err = ''
    const refused = await runCli(['import', csv, '--workspace', workspace, '--mapping', mappingFile], ctx)
    expect(refused).toBe(1)
    expect(io.err).toMatch(/odd\.csv: no column is assigned to the required field text\..*--mapping/)
    expect(await runCli(['import', csv, '--workspace', workspace, '--kind', 'bogus'], ctx)).toBe(2)
  })

  it('lists batches and removes one with undo-import', async () => {
    copyFileSync(join(PRESETS, 'freshdesk-tickets.csv'), join(dir, 'freshdesk.csv'))
    const first = await importJson(join(dir, 'freshdesk.csv'))
    expect(first.code).toBe(0)
    io.out = ''
    expect(await runCli(['batches', '--workspace', workspace, '--json'], ctx)).toBe(0)
    const listed = JSON.parse(io.out) as {
      batches: Array<{ id: number; sourceName: string; status: string; sha256: string }>
    }
    expect(listed.batches).toHaveLength(1)
    expect(listed.batches[0]).toMatchObject({ id: 1, sourceName: 'freshdesk.csv', status: 'committed' })
    expect(listed.batches[0]!.sha256).toMatch(/^[0-9a-f]{64}$/)
    io.out = ''
    expect(await runCli(['undo-import', '1', '--workspace', workspace], ctx)).toBe(0)
    expect(io.out).toMatch(/Removed import batch 1/)
    expect(query('SELECT count(*) AS n FROM tickets')).toEqual([{ n: 0 }])
    expect(await runCli(['undo-import', '1', '--workspace', workspace], ctx)).toBe(1)
    expect(await runCli(['undo-import', 'one', '--workspace', workspace], ctx)).toBe(2)
  })

  it('says so when a JSON export has keys the header could not include, instead of dropping them silently', async () => {
    const records = Array.from({ length: 1001 }, (_, i) => ({
      ticket_id: `J${i}`,
      created_at: '2026-03-01T08:00:00Z',
      description: `ticket ${i}`,
      ...(i === 1000 ? { priority_note: 'urgent' } : {})
    }))
    const file = join(dir, 'late.json')
    writeFileSync(file, JSON.stringify(records, null, 1))
    io.out = ''
    const code = await runCli(['import', file, '--workspace', workspace], ctx)
    expect(code).toBe(0)
    expect(io.out).toMatch(/warning: .*priority_note/)
    const stored = query<{ options_json: string }>('SELECT options_json FROM import_batches')[0]!
    expect(JSON.parse(stored.options_json).warnings.join(' ')).toMatch(/priority_note/)
  })
})
