import { readFileSync, writeFileSync } from 'node:fs'
import type { Download } from '@playwright/test'
import type {
  MetricsComments,
  MetricsGroup,
  MetricsPlan,
  MetricsPlanRequest,
  MetricsReport
} from '../../src/shared/domain/metrics'
// The dashboard's own formatting: the screen must show the CLI's numbers written exactly this way.
import type { MetricsText } from '../../src/renderer/src/editors/metrics/metrics-format'
import {
  adjustedPText,
  changeText,
  commentsCountText,
  csatIntervalText,
  csatValueText,
  formatCount,
  formatShare,
  groupLabel,
  meanText,
  npsIntervalText,
  npsValueText,
  planText,
  reasonText,
  responsesText,
  significanceText
} from '../../src/renderer/src/editors/metrics/metrics-format'
import { expect, screenshotPath, test } from './fixtures'
import { runBuiltCli, uiText as textOf } from './harness/cli-and-text'
import { withEmptyWorkspace } from './harness/serve-process'
import type { MetricsDashboard } from './pages/metrics-dashboard'
import { MetricsDashboard as Dashboard } from './pages/metrics-dashboard'
import { WorkbenchPage } from './pages/workbench-page'

/** `loopbench metrics --json`, the command line a user would run on the same workspace. */
function cliMetrics(workspace: string, configDir: string, by: string, extra: string[] = []): MetricsReport {
  return JSON.parse(
    runBuiltCli(['metrics', '--workspace', workspace, '--by', by, '--json', ...extra], configDir)
  ) as MetricsReport
}

async function openDashboard(wb: WorkbenchPage, title = 'Open Metrics Dashboard'): Promise<MetricsDashboard> {
  await wb.runCommand(title)
  const dashboard = new Dashboard(wb.page)
  await expect(dashboard.root).toBeVisible()
  return dashboard
}

/** Every card value against the overall numbers of a time report and the change of one period. */
async function expectCards(
  m: MetricsDashboard,
  f: MetricsText,
  report: MetricsReport,
  period: MetricsGroup
): Promise<void> {
  const { csat, nps } = report.overall
  await expect(m.card('csat', 'value')).toHaveText(csatValueText(f, csat))
  await expect(m.card('csat', 'interval')).toHaveText(csatIntervalText(f, csat))
  await expect(m.card('csat', 'n')).toHaveText(responsesText(f, csat.n))
  await expect(m.card('csat', 'mean')).toHaveText(meanText(f, csat.mean, report.settings.csatScaleMax))
  await expect(m.card('nps', 'value')).toHaveText(npsValueText(f, nps))
  await expect(m.card('nps', 'interval')).toHaveText(npsIntervalText(f, nps))
  await expect(m.card('nps', 'n')).toHaveText(responsesText(f, nps.n))
  await expect(m.card('nps', 'promoters')).toHaveText(formatShare(f, nps.promoters))
  await expect(m.card('nps', 'passives')).toHaveText(formatShare(f, nps.passives))
  await expect(m.card('nps', 'detractors')).toHaveText(formatShare(f, nps.detractors))
  await expect(m.changePeriod).toHaveValue(period.key ?? '')
  for (const metric of ['csat', 'nps'] as const) {
    const change = period.change[metric]
    await expect(m.card(metric, 'change')).toHaveText(changeText(f, metric, change))
    await expect(m.card(metric, 'change')).toHaveAttribute(
      'data-significant',
      String(change?.significant ?? false)
    )
    if (change?.diff === null || change === null) await expect(m.card(metric, 'significance')).toHaveCount(0)
    else await expect(m.card(metric, 'significance')).toHaveText(significanceText(f, change))
  }
}

/** Every cell of the segment table against a segment report, row by row in the report's order. */
async function expectSegmentTable(m: MetricsDashboard, f: MetricsText, report: MetricsReport): Promise<void> {
  expect(report.kind).toBe('segment')
  await expect(m.segmentRows).toHaveCount(report.groups.length)
  expect(await m.rowKeys()).toEqual(report.groups.map((g) => g.key))
  for (const group of report.groups) {
    const row = m.row(group.key)
    await expect(row.getByTestId('metrics-cell-group')).toHaveText(groupLabel(f, group.key))
    await expect(m.cell(row, 'csat-n')).toHaveText(formatCount(f, group.csat.n))
    await expect(m.cell(row, 'csat-value')).toHaveText(csatValueText(f, group.csat))
    await expect(m.cell(row, 'csat-interval')).toHaveText(csatIntervalText(f, group.csat))
    await expect(m.cell(row, 'csat-change')).toHaveText(changeText(f, 'csat', group.change.csat))
    await expect(m.cell(row, 'csat-p')).toHaveText(adjustedPText(f, group.change.csat, true))
    await expect(m.cell(row, 'nps-n')).toHaveText(formatCount(f, group.nps.n))
    await expect(m.cell(row, 'nps-value')).toHaveText(npsValueText(f, group.nps))
    await expect(m.cell(row, 'nps-interval')).toHaveText(npsIntervalText(f, group.nps))
    await expect(m.cell(row, 'nps-change')).toHaveText(changeText(f, 'nps', group.change.nps))
    await expect(m.cell(row, 'nps-p')).toHaveText(adjustedPText(f, group.change.nps, true))
    for (const metric of ['csat', 'nps'] as const) {
      await expect(m.cell(row, `${metric}-change`)).toHaveAttribute(
        'data-significant',
        String(group.change[metric]?.significant ?? false)
      )
    }
  }
}

const groupOf = (report: MetricsReport, key: string): MetricsGroup => {
  const group = report.groups.find((g) => g.key === key)
  if (!group) throw new Error(`no group ${key} in the ${report.by} report`)
  return group
}

test.describe('metrics dashboard', () => {
  test('shows exactly the numbers of `loopbench metrics`, cards and segment table alike', async ({
    workbench
  }) => {
    const { page, workspacePath, configDir } = workbench
    const wb = new WorkbenchPage(page)
    const f = textOf('en')
    await wb.waitReady()
    const m = await openDashboard(wb)
    await expect(wb.tabs.tab('metrics')).toContainText('Metrics')
    await m.waitLoaded()

    // By quarter (the default): the cards show the whole range and the latest quarter's change.
    await expect(m.grain).toHaveValue('quarter')
    const quarters = cliMetrics(workspacePath, configDir, 'quarter')
    expect(quarters.kind).toBe('time')
    const latest = quarters.groups[quarters.groups.length - 1]
    if (!latest) throw new Error('the demo has no quarter')
    await expectCards(m, f, quarters, latest)

    // The demo's story: Q2 against Q1 is noise (+1.0 NPS), Q3 against Q2 a real drop (−13.0).
    const q2 = groupOf(quarters, '2026-Q2')
    const q3 = groupOf(quarters, '2026-Q3')
    expect(q2.change.nps?.diff).toBeCloseTo(1.0, 1)
    expect(q2.change.nps?.significant).toBe(false)
    expect(q3.change.nps?.diff).toBeCloseTo(-13.0, 1)
    expect(q3.change.nps?.significant).toBe(true)
    await m.changePeriod.selectOption('2026-Q3')
    await expectCards(m, f, quarters, q3)
    await expect(m.card('nps', 'change')).toHaveText('−13.0 pts')
    await expect(m.card('nps', 'significance')).toHaveText('Significant')
    // Hovering the change shows how it was tested.
    await m.card('nps', 'change').hover()
    await expect(m.card('nps', 'details')).toBeVisible()
    await expect(m.card('nps', 'details')).toContainText('Compared with 2026-Q2')
    await expect(m.card('nps', 'details')).toContainText('Holm-adjusted: p < 0.001')
    await expect(m.card('nps', 'details')).toContainText('Benjamini–Hochberg-adjusted: p < 0.001')
    await m.changePeriod.selectOption('2026-Q2')
    await expectCards(m, f, quarters, q2)
    await expect(m.card('nps', 'change')).toHaveText('+1.0 pts')
    await expect(m.card('nps', 'change')).toHaveAttribute('data-significant', 'false')
    await expect(m.card('nps', 'significance')).toHaveText('Not significant')
    // The first quarter has nothing before it in the data: the reason, in words.
    await m.changePeriod.selectOption('2026-Q1')
    await expectCards(m, f, quarters, groupOf(quarters, '2026-Q1'))
    await expect(m.card('nps', 'change')).toHaveText('No responses')

    // The segment table: the first segment on offer, then the tier.
    const shown = await m.segment.inputValue()
    expect(shown).toBe(quarters.groupings.find((g) => !['week', 'month', 'quarter'].includes(g)))
    await expectSegmentTable(m, f, cliMetrics(workspacePath, configDir, shown))

    await m.segment.selectOption('tier')
    await m.waitLoaded()
    const tiers = cliMetrics(workspacePath, configDir, 'tier')
    await expectSegmentTable(m, f, tiers)
    const basic = groupOf(tiers, 'Basic')
    expect(basic.change.nps?.diff).toBeCloseTo(-13.1, 1)
    expect(basic.change.nps?.significant).toBe(true)
    await expect(m.cell(m.row('Basic'), 'nps-change')).toHaveText('−13.1 pts')
    await expect(m.cell(m.row('Basic'), 'nps-change')).toHaveAttribute('data-significant', 'true')
    await expect(m.cell(m.row('Basic'), 'csat-change')).toHaveAttribute('data-significant', 'false')

    // A date range and a month grain: the same agreement for that range.
    await m.grain.selectOption('month')
    await m.from.fill('2026-04-01')
    await m.to.fill('2026-09-30')
    await m.waitLoaded()
    const range = ['--from', '2026-04-01', '--to', '2026-09-30']
    const months = cliMetrics(workspacePath, configDir, 'month', range)
    expect(months.groups.map((g) => g.key)).toEqual([
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09'
    ])
    await expectCards(m, f, months, months.groups[5] as MetricsGroup)
    await expectSegmentTable(m, f, cliMetrics(workspacePath, configDir, 'tier', range))
    await expect(m.range).toHaveText('April 1, 2026 – September 30, 2026 · UTC')

    // An inverted range is refused before it reaches the backend.
    await m.from.fill('2026-10-01')
    await expect(page.getByTestId('metrics-range-error')).toHaveText('The start date is after the end date.')
    await m.allDates.click()
    await expect(m.from).toHaveValue('')
    await expect(m.to).toHaveValue('')
    await m.waitLoaded()
    await expect(m.range).toHaveText('January 1, 2026 – November 20, 2026 · UTC')
  })

  test('opens the comments behind a bar, a period and a segment row, as many as the API counts', async ({
    workbench
  }) => {
    const { page } = workbench
    const wb = new WorkbenchPage(page)
    const f = textOf('en')
    await wb.waitReady()
    const m = await openDashboard(wb)
    await m.waitLoaded()
    const total = async (args: Record<string, unknown>): Promise<number> =>
      ((await wb.api('metrics.comments', { ...args, offset: 0, limit: 1 })) as MetricsComments).total

    // A bar of the NPS answers: the comments with that answer, newest first, 50 at a time.
    await m.distributionBar(3).click()
    await expect(m.comments).toBeVisible()
    const threes = await total({ by: 'quarter', npsScore: 3 })
    expect(threes).toBeGreaterThan(0)
    await expect(m.commentsTitle).toHaveText('Score 3')
    await expect(m.commentsTotal).toHaveText(commentsCountText(f, threes))
    await expect(m.commentItems).toHaveCount(Math.min(threes, 50))
    await expect(m.commentItems.getByTestId('metrics-comment-nps')).toHaveText(
      Array.from({ length: Math.min(threes, 50) }, () => 'NPS 3')
    )
    const dates = await m.commentItems
      .locator('time')
      .evaluateAll((els) => els.map((el) => el.getAttribute('datetime') ?? ''))
    expect([...dates].sort().reverse()).toEqual(dates)
    if (threes > 50) {
      await m.commentsMore.click()
      await expect(m.commentItems).toHaveCount(Math.min(threes, 100))
    }

    // A period of a trend.
    await m.trendPoint('nps-trend', '2026-Q3').click()
    await expect(m.commentsTitle).toHaveText('2026-Q3')
    await expect(m.commentsTotal).toHaveText(
      commentsCountText(f, await total({ by: 'quarter', group: '2026-Q3' }))
    )
    await expect(m.trendPoint('nps-trend', '2026-Q3')).toHaveAttribute('aria-pressed', 'true')

    // A row of the segment table, by mouse and by keyboard.
    await m.segment.selectOption('tier')
    await m.waitLoaded()
    await m.row('Basic').click()
    await expect(m.commentsTitle).toHaveText('tier · Basic')
    await expect(m.commentsTotal).toHaveText(
      commentsCountText(f, await total({ by: 'tier', group: 'Basic' }))
    )
    await m.row('Premier').getByTestId('metrics-cell-group').press('Enter')
    await expect(m.commentsTitle).toHaveText('tier · Premier')
    await expect(m.commentsTotal).toHaveText(
      commentsCountText(f, await total({ by: 'tier', group: 'Premier' }))
    )

    await m.commentsClose.click()
    await expect(m.comments).toBeHidden()
  })

  test('sorts and filters the segment table, with the mouse and the keyboard', async ({ workbench }) => {
    const { page } = workbench
    const wb = new WorkbenchPage(page)
    await wb.waitReady()
    const m = await openDashboard(wb)
    await m.segment.selectOption('tier')
    await m.waitLoaded()
    expect(await m.rowKeys()).toEqual(['Basic', 'Plus', 'Premier'])

    // Opened once: the command again brings back the same tab, as it was left.
    await wb.tabs.tab('welcome').click()
    await openDashboard(wb)
    expect((await wb.tabs.ids()).filter((id) => id === 'metrics')).toHaveLength(1)
    expect(await wb.tabs.activeId()).toBe('metrics')
    await expect(m.segment).toHaveValue('tier')

    const npsHeader = page.locator('th', { has: m.sortButton('nps-value') })
    await expect(npsHeader).toHaveAttribute('aria-sort', 'none')
    await m.sortButton('nps-value').click()
    await expect(npsHeader).toHaveAttribute('aria-sort', 'descending')
    expect(await m.rowKeys()).toEqual(['Premier', 'Plus', 'Basic'])
    await m.sortButton('nps-value').click()
    await expect(npsHeader).toHaveAttribute('aria-sort', 'ascending')
    expect(await m.rowKeys()).toEqual(['Basic', 'Plus', 'Premier'])

    // The keyboard: the header buttons are real buttons in real <th> elements.
    await m.sortButton('csat-n').focus()
    await page.keyboard.press('Enter')
    const nHeader = page.locator('th', { has: m.sortButton('csat-n') })
    await expect(nHeader).toHaveAttribute('aria-sort', 'descending')
    await expect(npsHeader).toHaveAttribute('aria-sort', 'none')
    expect(await m.rowKeys()).toEqual(['Basic', 'Plus', 'Premier'])
    await page.keyboard.press('Space')
    await expect(nHeader).toHaveAttribute('aria-sort', 'ascending')
    expect(await m.rowKeys()).toEqual(['Premier', 'Plus', 'Basic'])

    await m.segmentFilter.fill('pl')
    expect(await m.rowKeys()).toEqual(['Plus'])
    await m.segmentFilter.fill('nothing like it')
    await expect(m.segmentRows).toHaveCount(0)
    await expect(page.getByTestId('metrics-segment-nomatch')).toHaveText(
      'No group matches “nothing like it”.'
    )
    await m.segmentFilter.fill('')
    await expect(m.segmentRows).toHaveCount(3)
  })

  test('exports each chart as PNG and SVG', async ({ workbench }) => {
    const { page } = workbench
    const wb = new WorkbenchPage(page)
    await wb.waitReady()
    const m = await openDashboard(wb)
    // Up to the end of the third quarter: the files are named after 2026-Q3.
    await m.to.fill('2026-09-30')
    await m.waitLoaded()
    const save = async (chart: string, format: 'png' | 'svg'): Promise<{ name: string; bytes: Buffer }> => {
      const download: Promise<Download> = page.waitForEvent('download')
      await m.exportButton(chart, format).click()
      const file = await download
      return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) }
    }
    for (const chart of ['csat-trend', 'nps-trend', 'nps-distribution']) {
      const svg = await save(chart, 'svg')
      expect(svg.name).toBe(`loopbench-${chart}-2026-Q3.svg`)
      const text = svg.bytes.toString('utf8')
      expect(text.startsWith('<svg') || text.startsWith('<?xml')).toBe(true)
      expect(text).toContain(chart === 'nps-distribution' ? 'NPS answers' : 'trend')
      expect(text).not.toMatch(/NaN|undefined/)
      // Well-formed: a browser reads it back as an SVG document.
      const parsed = await page.evaluate((source) => {
        const doc = new DOMParser().parseFromString(source, 'image/svg+xml')
        return doc.querySelector('parsererror') ? 'error' : doc.documentElement.nodeName
      }, text)
      expect(parsed).toBe('svg')

      const png = await save(chart, 'png')
      expect(png.name).toBe(`loopbench-${chart}-2026-Q3.png`)
      expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
      // Drawn at twice the size: at least 1,440 pixels wide (IHDR width, big-endian at byte 16).
      expect(png.bytes.readUInt32BE(16)).toBeGreaterThanOrEqual(1440)
      // Kept with the screenshots, for a look at what a user takes into a slide.
      writeFileSync(screenshotPath(`metrics-export-${chart}`), png.bytes)
    }
    await wb.press('Control+Shift+U')
    await expect(wb.panel.output).toContainText('Saved loopbench-nps-trend-2026-Q3.png')
  })

  test('follows the settings and the data: a larger minimum sample says "too few responses"', async ({
    workbench
  }) => {
    const { page, workspacePath, configDir } = workbench
    const wb = new WorkbenchPage(page)
    const f = textOf('en')
    await wb.waitReady()
    const m = await openDashboard(wb)
    await m.waitLoaded()
    await expect(m.card('nps', 'significance')).toHaveText('Not significant')

    // Changed elsewhere (here through the API); the dashboard recomputes on settings.changed.
    await wb.api('settings.update', { patch: { metricsMinSampleSize: 2000 } })
    await expect(m.card('nps', 'significance')).toHaveText(reasonText(f, 'too_few_responses'))
    await m.waitLoaded()
    const quarters = cliMetrics(workspacePath, configDir, 'quarter')
    expect(quarters.settings.minSampleSize).toBe(2000)
    await expectCards(m, f, quarters, quarters.groups[quarters.groups.length - 1] as MetricsGroup)
    await expectSegmentTable(m, f, cliMetrics(workspacePath, configDir, 'channel'))
    await m.card('nps', 'change').hover()
    await expect(m.card('nps', 'details')).toContainText(
      'Fewer than 2,000 responses on a side: no significance is claimed.'
    )

    // The data changes (the survey import is undone): the dashboard follows, to its empty state.
    const batches = (await wb.api('batches.list', {})) as Array<{ id: number; kind: string; status: string }>
    const surveys = batches.find((b) => b.kind === 'survey_responses' && b.status !== 'undone')
    if (!surveys) throw new Error('the demo has no survey batch')
    await wb.api('batches.undo', { batchId: surveys.id })
    await expect(m.empty).toBeVisible()
  })

  test('plans a survey: the responses a margin needs, the margin n responses give', async ({ workbench }) => {
    const { page, workspacePath, configDir } = workbench
    const wb = new WorkbenchPage(page)
    const f = textOf('en')
    await wb.waitReady()
    const m = await openDashboard(wb)
    await m.waitLoaded()
    await m.plan.scrollIntoViewIfNeeded()
    const plan = async (args: MetricsPlanRequest): Promise<MetricsPlan> =>
      (await wb.api('metrics.plan', args)) as MetricsPlan

    // The defaults: NPS, the responses ±5 points need, with the range's mix.
    await expect(m.planMetric).toHaveValue('nps')
    await expect(m.planMode).toHaveValue('sample-size')
    await expect(m.planInput).toHaveValue('5')
    await expect(m.planMix).toBeChecked()
    const { nps, csat } = cliMetrics(workspacePath, configDir, 'quarter').overall
    if (nps.promoters === null || nps.detractors === null || csat.value === null) {
      throw new Error('the demo has no NPS or CSAT')
    }
    const mixed = await plan({
      metric: 'nps',
      margin: 5,
      promoters: nps.promoters,
      detractors: nps.detractors
    })
    expect(mixed.assumption).toBe('given')
    await expect(m.planAnswer()).toHaveText(planText(f, 'sample-size', mixed))
    await expect(m.planAnswer()).toContainText(`${formatCount(f, mixed.n)} responses`)
    await expect(m.plan).toContainText(`promoters ${formatShare(f, nps.promoters)}`)

    // The worst case: 1,537 responses for ±5 points.
    await m.planMix.uncheck()
    const worst = await plan({ metric: 'nps', margin: 5 })
    expect(worst).toMatchObject({ n: 1537, assumption: 'worst_case' })
    await expect(m.planAnswer()).toHaveText(planText(f, 'sample-size', worst))
    await expect(m.planAnswer()).toHaveText(
      `${formatCount(f, 1537)} responses give ±5.0 NPS points at 95% (worst case: half promoters, half detractors).`
    )

    // The margin with 1,000 responses: ±6.2 points.
    await m.planMode.selectOption('margin')
    await expect(m.planInput).toHaveValue('1000')
    await expect(m.planAnswer()).toHaveText(
      'With 1,000 responses the margin is ±6.2 NPS points at 95% (worst case: half promoters, half detractors).'
    )
    await m.planMix.check()
    const mixedMargin = await plan({
      metric: 'nps',
      n: 1000,
      promoters: nps.promoters,
      detractors: nps.detractors
    })
    await expect(m.planAnswer()).toHaveText(planText(f, 'margin', mixedMargin))

    // Refused before it reaches the API: an inline error, and no answer.
    for (const bad of ['0', '', 'abc', '12.5']) {
      await m.planInput.fill(bad)
      await expect(m.planError).toHaveText('Enter a whole number of responses, 1 or more.')
      await expect(m.planResult).toHaveCount(0)
      await expect(m.planInput).toHaveAttribute('aria-invalid', 'true')
    }
    await m.planInput.fill('1,000')
    await expect(m.planError).toHaveCount(0)
    await expect(m.planAnswer()).toHaveText(planText(f, 'margin', mixedMargin))

    // CSAT: percentage points typed, a share sent; 1,068 responses for ±3 points in the worst case.
    await m.planMetric.selectOption('csat')
    await m.planMode.selectOption('sample-size')
    await expect(m.planInput).toHaveValue('3')
    const csatMixed = await plan({ metric: 'csat', margin: 0.03, share: csat.value })
    await expect(m.planAnswer()).toHaveText(planText(f, 'sample-size', csatMixed))
    await m.planMix.uncheck()
    await expect(m.planAnswer()).toHaveText(
      '1,068 responses give ±3.0 percentage points of CSAT at 95% (worst case: 50% satisfied).'
    )
    for (const bad of ['0', '100', 'x']) {
      await m.planInput.fill(bad)
      await expect(m.planError).toHaveText('Enter a margin above 0 and below 100 percentage points.')
      await expect(m.planResult).toHaveCount(0)
    }
    await expect(m.plan).not.toContainText(/NaN|undefined/)
  })

  test('speaks Chinese', async ({ workbench }) => {
    const { page, workspacePath, configDir } = workbench
    const wb = new WorkbenchPage(page)
    const f = textOf('zh-CN')
    await wb.waitReady()
    await wb.usePreferences('dark', 'zh-CN')
    const m = await openDashboard(wb, '打开满意度指标看板')
    await expect(wb.tabs.tab('metrics')).toContainText('满意度指标')
    await m.waitLoaded()
    await expect(m.grain.locator('option:checked')).toHaveText('季度')
    await expect(m.segment.locator('option:checked')).toHaveText('渠道')
    await expect(page.getByTestId('metrics-card-csat')).toContainText('满意度 CSAT')
    await expect(page.getByTestId('metrics-card-nps')).toContainText('净推荐值 NPS')
    await expect(page.getByTestId('metrics-card-nps')).toContainText('推荐者')
    const quarters = cliMetrics(workspacePath, configDir, 'quarter')
    await expectCards(m, f, quarters, quarters.groups[quarters.groups.length - 1] as MetricsGroup)
    await expectSegmentTable(m, f, cliMetrics(workspacePath, configDir, 'channel'))
    await expect(m.range).toHaveText('2026年1月1日 – 2026年11月20日 · UTC')
    await expect(page.getByTestId('metrics-segments')).toContainText('按渠道')
    await m.planMix.uncheck()
    await expect(m.planAnswer()).toHaveText(
      '需要 1,537 条回复，误差范围才能达到 NPS ±5.0 分（95% 置信水平；最坏情况：推荐者与贬损者各占一半）。'
    )
    await m.distributionBar(10).click()
    await expect(m.commentsTitle).toHaveText('10 分')
    await expect(m.commentsTotal).toContainText('条评论')
  })

  test('says what to import when the workspace has no survey responses', async ({ workbench }) => {
    const { page } = workbench
    await withEmptyWorkspace(async (server) => {
      await page.goto(server.url)
      const wb = new WorkbenchPage(page)
      await wb.waitReady()
      const m = await openDashboard(wb)
      await expect(m.empty).toContainText('No survey responses yet')
      await expect(m.empty).toContainText('CSAT column (scores 1–5) and/or an NPS column (answers 0–10)')
      await page.screenshot({ path: screenshotPath('metrics-empty-en') })
      await m.emptyImport.click()
      await expect(wb.importWizard.root).toBeVisible()

      await wb.usePreferences('light', 'zh-CN')
      const zh = await openDashboard(wb, '打开满意度指标看板')
      await expect(zh.empty).toContainText('还没有问卷回复')
      await expect(zh.emptyImport).toHaveText('导入问卷导出文件')
      await page.screenshot({ path: screenshotPath('metrics-empty-zh-CN') })
    })
  })
})
