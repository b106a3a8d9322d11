import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ApiError } from '../../../src/shared/api/errors'
import { gatherReportData } from '../../../src/main/core/report/report-data'
import type { ReportData } from '../../../src/main/core/report/report-data'
import { renderReportHtml } from '../../../src/main/core/report/report-html'
import { Workspace } from '../../../src/main/core/store/workspace'
import { makeTempDir } from '../../helpers/temp-dir'
import { tempWorkspaceForEachTest } from '../../helpers/temp-workspace'
import type { ReportScenario } from '../../helpers/report-workspace'
import { writeReportScenario } from '../../helpers/report-workspace'

let ws: Workspace
let scenario: ReportScenario
const GENERATED = Date.parse('2026-10-05T23:30:00Z')

tempWorkspaceForEachTest('review.loopbench', (created) => {
  ws = created
  scenario = writeReportScenario(ws)
})

const gather = (quarter?: string): ReportData =>
  gatherReportData({
    db: ws.db,
    settings: ws.settings.get(),
    workspace: { name: 'review', fileName: 'review.loopbench' },
    ...(quarter !== undefined ? { quarter } : {}),
    generatedAt: GENERATED
  })

describe('the quarterly review data', () => {
  it('reviews the latest quarter with tickets by default, dated in the workspace time zone', () => {
    const data = gather()
    expect(data.quarter).toBe('2026-Q3')
    expect(data.previousQuarter).toBe('2026-Q2')
    expect(data.range).toEqual({ from: '2026-07-01', to: '2026-09-30' })
    expect(data.quarterMonths).toEqual(['2026-07', '2026-08', '2026-09'])
    expect(data.generatedOn).toBe('2026-10-05')
    ws.settings.update({ timeZone: 'Asia/Shanghai' })
    expect(gather().generatedOn).toBe('2026-10-06')
  })

  it('has CSAT and NPS by quarter and month over the last four quarters, from the survey metrics', () => {
    const s = gather('2026-Q3').satisfaction!
    expect(s.quarters.map((q) => q.key)).toEqual(['2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3'])
    expect(s.months).toHaveLength(12)
    const q3 = s.quarters.at(-1)!
    expect(q3.csat.n).toBe(120)
    expect(q3.nps.n).toBe(120)
    expect(q3.csat.ci95).not.toBeNull()
    expect(q3.change.against).toBe('2026-Q2')
    expect(s.months.find((m) => m.key === '2026-07')!.csat.n).toBe(60)
    expect(s.months.find((m) => m.key === '2026-09')!.csat.n).toBe(0)
  })

  it('lists the top themes by tickets with share and change, and the movers, without the other bucket', () => {
    const t = gather().themes!
    const { refund, crash, login } = scenario.themes
    expect(t.quarterTickets).toBe(47)
    expect(t.top.map((r) => r.id)).toEqual([refund, crash, login])
    expect(t.top[0]).toMatchObject({
      label: 'refund is slow',
      tickets: 30,
      previousTickets: 10,
      change: 2,
      reach: 30
    })
    expect(t.top[0]!.share).toBeCloseTo(30 / 47, 12)
    expect(t.risers.map((r) => r.id)).toEqual([refund])
    expect(t.fallers.map((r) => r.id)).toEqual([crash])
    expect(t.top[1]!.change).toBeCloseTo(-0.6, 12)
  })

  it('has the experiments that ended in the quarter with their decision, and counts the undated ones', () => {
    const e = gather().experiments!
    expect(e.concluded.map((x) => x.id)).toEqual([scenario.experiments.inQ3])
    expect(e.undated).toBe(1)
    const [win] = e.concluded
    expect(win).toMatchObject({
      endedOn: '2026-08-20',
      metric: 'converted',
      control: 'control',
      arm: 'treatment'
    })
    expect(win!.decision).toBe('ship')
    expect(win!.relLift).toBeCloseTo(0.3, 12)
    expect(gather('2026-Q2').experiments!.concluded.map((x) => x.id)).toEqual([scenario.experiments.inQ2])
  })

  it('has the priority list of the quarter', () => {
    const p = gather().priorities!
    expect(p.quarter).toBe('2026-Q3')
    expect(p.items.map((r) => r.title)).toContain('Refund speed')
    expect(p.items.find((r) => r.title === 'Refund speed')!.components.reach).toBe(30)
  })

  it('still makes a report of a quarter without data, every section saying there is nothing', () => {
    const data = gather('2027-Q1')
    expect(data.quarter).toBe('2027-Q1')
    expect(data.range).toEqual({ from: '2027-01-01', to: '2027-03-31' })
    expect(data.themes!.top).toEqual([])
    expect(data.experiments!.concluded).toEqual([])
    expect(data.priorities).toBeNull()
    const html = renderReportHtml(data, 'en')
    expect(html).toContain('No survey responses in 2027-Q1.')
    expect(html).toContain('No themed tickets in 2027-Q1.')
    expect(html).toContain('No experiment concluded in 2027-Q1.')
    expect(html).toContain('No tickets in 2027-Q1: nothing to rank.')
    expect(html).not.toMatch(/NaN|undefined/)
  })

  it('refuses a label that is not a quarter of the workspace calendar', () => {
    for (const label of ['FY2027-Q1', '2026-Q5', 'Q3']) {
      const error = (() => {
        try {
          gather(label)
        } catch (e) {
          return e
        }
        return null
      })()
      expect(error, label).toBeInstanceOf(ApiError)
      expect((error as ApiError).code).toBe('invalid_input')
      expect((error as ApiError).message).toContain(label)
    }
  })

  it('follows a fiscal year: the quarters are named and cut as the settings say', () => {
    ws.settings.update({ fiscalYearStartMonth: 4 })
    const data = gather()
    // August 2026 is in the second quarter of the fiscal year April 2026 – March 2027.
    expect(data.quarter).toBe('FY2027-Q2')
    expect(data.previousQuarter).toBe('FY2027-Q1')
    expect(data.range).toEqual({ from: '2026-07-01', to: '2026-09-30' })
    expect(data.satisfaction!.quarters.map((q) => q.key)).toEqual([
      'FY2026-Q3',
      'FY2026-Q4',
      'FY2027-Q1',
      'FY2027-Q2'
    ])
    expect(data.priorities!.quarter).toBe('FY2027-Q2')
    expect(() => gather('2026-Q3')).toThrow(ApiError)
  })
})

describe('a workspace without tickets', () => {
  it('has no quarter and renders a cover that says so', async () => {
    const { dir, cleanup: done } = makeTempDir()
    const empty = await Workspace.create(join(dir, 'empty.loopbench'))
    try {
      const data = gatherReportData({
        db: empty.db,
        settings: empty.settings.get(),
        workspace: { name: 'empty', fileName: 'empty.loopbench' },
        generatedAt: GENERATED
      })
      expect(data.quarter).toBeNull()
      expect(data.priorities).toBeNull()
      expect(renderReportHtml(data, 'zh-CN')).toContain('此工作区还没有工单')
    } finally {
      empty.close()
      done()
    }
  })
})
