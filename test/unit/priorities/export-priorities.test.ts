import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import type { PriorityList, PriorityRow } from '../../../src/shared/domain/priorities'
import { DEFAULT_PRIORITY_FORMULA, describeFormula } from '../../../src/shared/domain/priorities'
import { exportPriorities } from '../../../src/main/core/priorities/export-priorities'

function row(rank: number, title: string, over: Partial<PriorityRow> = {}): PriorityRow {
  return {
    rank,
    id: `item-${rank}`,
    kind: 'item',
    title,
    themes: [rank, rank + 10],
    score: 123.456789 / rank,
    components: {
      reach: 200 - rank,
      impact: 2,
      confidence: 0.8,
      effort: 3,
      trend: { previousQuarter: 10, currentQuarter: 15, change: 0.5, new: false },
      evidence: [
        {
          experimentId: 1,
          key: 'push-copy',
          name: 'Push copy',
          decision: 'ship',
          relLift: 0.0812,
          relLiftCi95: [0.02, 0.14]
        }
      ]
    },
    severity: {
      source: 'surveys',
      csatDiff: -0.0712,
      csatDiffCi95: [-0.1, -0.04],
      npsDiff: -16.5,
      npsDiffCi95: [-25, -8],
      n: 140,
      drag: 16.5,
      baseImpact: 2,
      growthFactor: 1
    },
    tickets: 15,
    share: 0.15,
    impactKnown: true,
    effortSet: true,
    effortSize: 'M',
    status: 'planned',
    owner: 'payments',
    note: null,
    override: null,
    effortWeeks: null,
    experiments: [1],
    previousRank: rank + 1,
    change: 'rising',
    ...over
  }
}

const LIST: PriorityList = {
  quarter: '2026-Q3',
  previousQuarter: '2026-Q2',
  formula: describeFormula(DEFAULT_PRIORITY_FORMULA),
  constants: DEFAULT_PRIORITY_FORMULA,
  quarters: ['2026-Q2', '2026-Q3'],
  frozenAt: null,
  previousFrozen: false,
  items: [
    row(1, '=HYPERLINK("http://evil.example","click")', { note: 'line one\nline two, "quoted"' }),
    row(2, '退款太慢 | refunds, slow', {
      impactKnown: false,
      effortSet: false,
      effortSize: null,
      override: { rank: 2, note: 'Legal risk', conflict: false },
      previousRank: null,
      change: 'new'
    }),
    row(3, '+1 app crashes', { status: 'wont_do' })
  ]
}

describe('exporting the priority list', () => {
  it('writes a CSV that Excel opens as UTF-8 and that parses back cell for cell, formulas neutralised', () => {
    const text = exportPriorities(LIST, 'csv')
    expect(text.startsWith('\uFEFF')).toBe(true)
    const records = parse(text, { bom: true, columns: true }) as Array<Record<string, string>>
    expect(records).toHaveLength(3)
    expect(records.map((r) => r['rank'])).toEqual(['1', '2', '3'])
    expect(records[0]!['title']).toBe(`'=HYPERLINK("http://evil.example","click")`)
    expect(records[0]!['note']).toBe('line one\nline two, "quoted"')
    expect(records[1]!['title']).toBe('退款太慢 | refunds, slow')
    expect(records[2]!['title']).toBe("'+1 app crashes")
    expect(records[1]!['impact_known']).toBe('false')
    expect(records[1]!['effort_set']).toBe('false')
    expect(records[1]!['override_note']).toBe('Legal risk')
    expect(Number(records[0]!['score'])).toBeCloseTo(123.457, 3)
    expect(records[0]!['themes']).toBe('1 11')
    // A negative number is a value, not a formula.
    expect(records[0]!['nps_diff']).toBe('-16.5')
  })

  it('writes issues Jira and Linear import: one per row, the top three High', () => {
    const records = parse(exportPriorities(LIST, 'jira-csv'), { bom: true, columns: true }) as Array<
      Record<string, string>
    >
    expect(Object.keys(records[0]!)).toEqual(['Summary', 'Issue Type', 'Priority', 'Description', 'Labels'])
    expect(records.map((r) => r['Priority'])).toEqual(['High', 'High', 'High'])
    expect(records[0]!['Summary']!.startsWith("'=")).toBe(true)
    expect(records[1]!['Description']).toContain('Rank 2 on the 2026-Q3 feature-priority list')
    expect(records[1]!['Description']).toContain('impact unknown')
    expect(records[1]!['Description']).toContain('effort not set')
    expect(records[0]!['Labels']).toBe('loopbench-2026-Q3')
  })

  it('writes a Markdown table with one row per item, pipes escaped, markers spelled out', () => {
    const md = exportPriorities(LIST, 'md')
    const rows = md.split('\n').filter((l) => /^\| \d+ \|/.test(l))
    expect(rows).toHaveLength(3)
    expect(rows[1]).toContain('退款太慢 \\| refunds, slow')
    expect(rows[1]).toContain('(impact unknown)')
    expect(rows[1]).toContain('(effort not set)')
    expect(rows[1]).toContain('rank set by hand: Legal risk')
    expect(rows[1]).toContain('new on the list')
    expect(rows[0]).toContain('↑ from 2')
    expect(md).toContain(LIST.formula)
  })

  it('writes the documented JSON', () => {
    const json = JSON.parse(exportPriorities(LIST, 'json')) as {
      quarter: string
      formula: string
      items: Array<Record<string, unknown> & { components: Record<string, unknown> }>
    }
    expect(json.quarter).toBe('2026-Q3')
    expect(json.formula).toBe(LIST.formula)
    const first = json.items[0]!
    for (const key of [
      'rank',
      'id',
      'title',
      'themes',
      'score',
      'components',
      'impactKnown',
      'effortSet',
      'status',
      'override',
      'previousRank'
    ])
      expect(first).toHaveProperty(key)
    expect(Object.keys(first.components).sort()).toEqual(
      ['confidence', 'effort', 'evidence', 'impact', 'reach', 'trend'].sort()
    )
    expect(first['score']).toBe(123.457)
    expect(json.items[1]!['override']).toEqual({ rank: 2, note: 'Legal risk', conflict: false })
  })
})
