import { readFileSync, writeFileSync } from 'node:fs'
import type { Download } from '@playwright/test'
import type { ExperimentResult, ExperimentsReport, PowerResult } from '../../src/shared/domain/experiments'
// The workbench's own formatting: the screen must show the CLI's numbers written exactly this way.
import type { ExperimentText } from '../../src/renderer/src/editors/experiments/experiment-format'
import {
  armSuccessesText,
  armUnitsText,
  armValueText,
  cleaningText,
  decisionLabel,
  diffCiText,
  diffText,
  headlineLiftText,
  liftCiText,
  liftText,
  omnibusText,
  pBeatText,
  pText,
  reasonText,
  significantText,
  srmText,
  testText,
  powerAchievedText,
  unitsNeededText,
  unitsText
} from '../../src/renderer/src/editors/experiments/experiment-format'
import { experimentVerdict } from '../../src/renderer/src/editors/experiments/experiment-model'
import { experimentReason } from '../../src/shared/i18n/experiment-reason'
import { expect, screenshotPath, test } from './fixtures'
import { runBuiltCli, uiText as textOf } from './harness/cli-and-text'
import { withEmptyWorkspace } from './harness/serve-process'
import { ExperimentEditor, ExperimentsView, SampleSizeCalculator } from './pages/experiments'
import { WorkbenchPage } from './pages/workbench-page'

const cli = runBuiltCli

/** `loopbench experiments --json`, the command line a user would run on the same workspace. */
function cliExperiments(workspace: string, configDir: string, extra: string[] = []): ExperimentsReport {
  return JSON.parse(
    cli(['experiments', '--workspace', workspace, '--json', ...extra], configDir)
  ) as ExperimentsReport
}

const DEMO = {
  push: 'Cart reminder push: personalised copy',
  threeArms: 'Checkout button wording (three arms)',
  pilot: 'Pay Later onboarding tutorial (pilot)',
  banner: 'Free-shipping threshold banner on product pages',
  srm: 'Weekly reorder reminder e-mail'
} as const

function find(report: ExperimentsReport, name: string): ExperimentResult {
  const experiment = report.experiments.find((e) => e.name === name)
  if (!experiment) throw new Error(`no experiment "${name}" in the CLI's report`)
  return experiment
}

/** The list: every experiment in the CLI's order, with its headline decision and lift. */
async function expectList(
  view: ExperimentsView,
  f: ExperimentText,
  report: ExperimentsReport
): Promise<void> {
  await view.waitLoaded()
  expect(await view.names()).toEqual(report.experiments.map((e) => e.name))
  for (const experiment of report.experiments) {
    const verdict = experimentVerdict(experiment)
    const item = view.item(experiment.name)
    await expect(item.getByTestId('experiments-item-decision')).toHaveText(decisionLabel(f, verdict.decision))
    await expect(item.getByTestId('experiments-item-metric')).toHaveText(verdict.metric?.name ?? '')
    await expect(item.getByTestId('experiments-item-lift')).toHaveText(
      headlineLiftText(f, verdict.comparison)
    )
  }
}

/** Every decision, reason, arm cell and comparison cell of one experiment against the CLI's JSON. */
async function expectExperiment(
  ed: ExperimentEditor,
  f: ExperimentText,
  experiment: ExperimentResult,
  report: ExperimentsReport
): Promise<void> {
  await ed.waitLoaded()
  await expect(ed.name).toHaveText(experiment.name)
  await expect(ed.control).toHaveText(experiment.control)
  await expect(ed.units).toHaveText(f.fmt.integer(experiment.cleaning.unitsAnalysed))
  await expect(ed.cleaning).toHaveText(cleaningText(f, experiment))
  if (experiment.srm.flag) await expect(ed.srmBanner).toContainText(srmText(f, experiment))
  else await expect(ed.srmBanner).toHaveCount(0)

  const primary = experiment.metrics.find((m) => m.primary)
  if (!primary) throw new Error(`${experiment.name} has no primary metric`)
  await expect(ed.decisionCards).toHaveCount(primary.comparisons.length)
  for (const c of primary.comparisons) {
    await expect(ed.decision(c.arm)).toHaveText(decisionLabel(f, c.decision))
    if (!c.reasonCode) throw new Error(`${experiment.name}: ${c.arm} has no reason`)
    // The reason in the UI language, worded by the shared function from the JSON's code and numbers.
    await expect(ed.reason(c.arm)).toHaveText(experimentReason(f.language, c.reasonCode, c.reasonParams))
    expect(reasonText(f, c)).toBe(experimentReason(f.language, c.reasonCode, c.reasonParams))
    if (f.language === 'en') expect(reasonText(f, c)).toBe(c.reason)
    const power = powerAchievedText(f, primary, c, report.settings)
    if (power) await expect(ed.power(c.arm)).toHaveText(`${f.t('experiments.power.title')}: ${power}`)
    else await expect(ed.power(c.arm)).toHaveCount(0)
    const units = c.decision === 'inconclusive' ? unitsNeededText(f, primary, c, report.settings) : null
    if (units) await expect(ed.unitsNeeded(c.arm)).toHaveText(`${f.t('experiments.units.title')}: ${units}`)
    else await expect(ed.unitsNeeded(c.arm)).toHaveCount(0)
  }

  const armCount = experiment.metrics.reduce((n, m) => n + m.arms.length, 0)
  const comparisonCount = experiment.metrics.reduce((n, m) => n + m.comparisons.length, 0)
  await expect(ed.armRows()).toHaveCount(armCount)
  await expect(ed.comparisonRows()).toHaveCount(comparisonCount)
  await expect(ed.forestRows()).toHaveCount(comparisonCount)
  for (const metric of experiment.metrics) {
    const omnibus = omnibusText(f, metric)
    if (omnibus)
      await expect(
        ed.root.locator(`[data-metric="${metric.name}"]`).getByTestId('experiment-omnibus')
      ).toHaveText(omnibus)
    for (const arm of metric.arms) {
      const row = ed.armRow(metric.name, arm.name)
      await expect(ed.cell(row, 'cell-arm')).toHaveText(arm.name)
      await expect(ed.cell(row, 'cell-n')).toHaveText(armUnitsText(f, arm))
      await expect(ed.cell(row, 'cell-value')).toHaveText(armValueText(f, metric, arm))
      if (metric.kind === 'binary')
        await expect(ed.cell(row, 'cell-successes')).toHaveText(armSuccessesText(f, arm))
      else await expect(ed.cell(row, 'cell-successes')).toHaveCount(0)
    }
    for (const c of metric.comparisons) {
      const row = ed.comparisonRow(metric.name, c.arm)
      await expect(row).toHaveAttribute('data-significant', String(c.significant))
      await expect(ed.cell(row, 'cell-lift')).toHaveText(liftText(f, c))
      await expect(ed.cell(row, 'cell-lift-ci')).toHaveText(liftCiText(f, c))
      await expect(ed.cell(row, 'cell-diff')).toHaveText(diffText(f, metric, c))
      await expect(ed.cell(row, 'cell-diff-ci')).toHaveText(diffCiText(f, metric, c))
      await expect(ed.cell(row, 'cell-test')).toHaveText(testText(f, c))
      await expect(ed.cell(row, 'cell-p')).toHaveText(pText(f, c.pValue))
      await expect(ed.cell(row, 'cell-p-adj')).toHaveText(pText(f, c.pAdjusted))
      await expect(ed.cell(row, 'cell-p-bh')).toHaveText(pText(f, c.pAdjustedBH))
      await expect(ed.cell(row, 'cell-p-beat')).toHaveText(pBeatText(f, c))
      await expect(ed.cell(row, 'cell-significant')).toHaveText(significantText(f, c))
    }
  }
  await expect(ed.root).not.toContainText(/NaN|undefined|null/)
}

/** Opens each experiment from the list and checks it all against the CLI, in one language. */
async function expectAll(wb: WorkbenchPage, f: ExperimentText, report: ExperimentsReport): Promise<void> {
  const view = new ExperimentsView(wb.page)
  const ed = new ExperimentEditor(wb.page)
  await expectList(view, f, report)
  for (const experiment of report.experiments) {
    await view.item(experiment.name).click()
    await expect(wb.tabs.active).toHaveAttribute('data-tab-id', `experiment:${experiment.key}`)
    await expectExperiment(ed, f, experiment, report)
  }
}

test.describe('experiments', () => {
  test('shows exactly the decisions and numbers of `loopbench experiments`, for every demo experiment', async ({
    workbench
  }) => {
    const { page, workspacePath, configDir } = workbench
    const wb = new WorkbenchPage(page)
    const f = textOf('en')
    await wb.waitReady()
    const view = new ExperimentsView(page)
    await view.activityButton.click()
    await expect(view.root).toBeVisible()
    await expect(view.activityButton).toHaveAttribute('aria-label', 'Experiments')
    const report = cliExperiments(workspacePath, configDir)
    expect(report.experiments).toHaveLength(5)
    await expectAll(wb, f, report)

    // The designed cases.
    const ed = new ExperimentEditor(page)
    const push = find(report, DEMO.push)
    expect(push.metrics[0]?.comparisons[0]?.decision).toBe('ship')
    await expect(view.decision(DEMO.push)).toHaveText('Ship')

    const three = find(report, DEMO.threeArms)
    await view.item(DEMO.threeArms).click()
    await ed.waitLoaded()
    await expect(ed.decision('buy_securely')).toHaveText('Ship')
    await expect(ed.decision('place_order')).toHaveText('Inconclusive')
    await expect(ed.omnibus).toContainText('Chi-square test across the 3 arms')
    await expect(view.decision(DEMO.threeArms)).toHaveText('Ship')
    await expect(view.item(DEMO.threeArms).getByTestId('experiments-item-lift')).toHaveText('+11.5%')
    expect(three.arms).toHaveLength(3)

    const pilot = find(report, DEMO.pilot)
    const pilotComparison = pilot.metrics[0]?.comparisons[0]
    expect(pilotComparison?.decision).toBe('inconclusive')
    expect(pilotComparison?.unitsNeededPerArm).toBeGreaterThan(1000)
    await view.item(DEMO.pilot).click()
    await ed.waitLoaded()
    await expect(ed.decision('tutorial')).toHaveText('Inconclusive')
    await expect(ed.unitsNeeded('tutorial')).toContainText(unitsText(f, pilotComparison?.unitsNeededPerArm))
    await expect(ed.reason('tutorial')).toContainText('units per arm')

    await view.item(DEMO.banner).click()
    await ed.waitLoaded()
    await expect(ed.decision('banner')).toHaveText('Below threshold')

    await view.item(DEMO.srm).click()
    await ed.waitLoaded()
    await expect(ed.decision('reminder')).toHaveText('Invalid: SRM')
    await expect(ed.srmBanner).toBeVisible()
    await expect(ed.srmBanner).toContainText('Sample-ratio mismatch: this result cannot be trusted')
    await expect(view.decision(DEMO.srm)).toHaveText('Invalid: SRM')
    await expect(view.decision(DEMO.srm).locator('.codicon')).toHaveCount(1)

    // Opened once: the item again focuses the same tab.
    await view.item(DEMO.push).click()
    await view.item(DEMO.srm).click()
    expect((await wb.tabs.ids()).filter((id) => id.startsWith('experiment:'))).toHaveLength(5)
    expect(await wb.tabs.activeId()).toBe(`experiment:${find(report, DEMO.srm).key}`)
  })

  test('speaks Chinese: every decision, reason and cell in Chinese formatting', async ({ workbench }) => {
    const { page, workspacePath, configDir } = workbench
    const wb = new WorkbenchPage(page)
    const f = textOf('zh-CN')
    await wb.waitReady()
    await wb.usePreferences('dark', 'zh-CN')
    await wb.runCommand('打开 A/B 实验')
    const view = new ExperimentsView(page)
    await expect(view.root).toBeVisible()
    await expect(view.activityButton).toHaveAttribute('aria-label', 'A/B 实验')
    const report = cliExperiments(workspacePath, configDir)
    await expectAll(wb, f, report)
    await expect(view.decision(DEMO.push)).toHaveText('上线')
    await expect(view.decision(DEMO.srm)).toHaveText('无效：比例失衡')
    const ed = new ExperimentEditor(page)
    await view.item(DEMO.srm).click()
    await expect(ed.srmBanner).toContainText('样本比例失衡：此结果不可信')
    await expect(ed.reason('reminder')).toContainText('结果都不可信')
  })

  test('re-decides live when the minimum practical lift changes in Settings', async ({ workbench }) => {
    const { page, workspacePath, configDir } = workbench
    const wb = new WorkbenchPage(page)
    const f = textOf('en')
    await wb.waitReady()
    await wb.runCommand('Open Experiments')
    const view = new ExperimentsView(page)
    const ed = new ExperimentEditor(page)
    await view.waitLoaded()
    await view.item(DEMO.banner).click()
    await ed.waitLoaded()
    await expect(ed.decision('banner')).toHaveText('Below threshold')
    await expect(view.decision(DEMO.banner)).toHaveText('Below threshold')

    // A 1% minimum: the banner's +1.7% now counts.
    await wb.press('Control+Comma')
    await wb.settings.input('minPracticalLift').fill('1')
    await wb.settings.save.click()
    await expect(view.decision(DEMO.banner)).toHaveText('Ship')
    await wb.tabs.tab(`experiment:${find(cliExperiments(workspacePath, configDir), DEMO.banner).key}`).click()
    await expect(ed.decision('banner')).toHaveText('Ship')
    const report = cliExperiments(workspacePath, configDir, ['--min-lift', '0.01'])
    expect(report.settings.minLift).toBe(0.01)
    const banner = find(report, DEMO.banner)
    expect(banner.metrics[0]?.comparisons[0]?.decision).toBe('ship')
    await expectExperiment(ed, f, banner, report)
    await expect(ed.reason('banner')).toContainText('at least the minimum of 1.0%')
    await expectList(view, f, report)
  })

  test('computes a sample size like `loopbench power`, with inline errors', async ({ workbench }) => {
    const { page, configDir } = workbench
    const wb = new WorkbenchPage(page)
    const f = textOf('en')
    await wb.waitReady()
    await wb.runCommand('Open Sample Size Calculator')
    const calc = new SampleSizeCalculator(page)
    await expect(calc.root).toBeVisible()
    await expect(wb.tabs.active).toHaveAttribute('data-tab-id', 'sampleSize')
    // The defaults: 4% baseline, +5% relative, α and power from the settings.
    await expect(calc.baseline).toHaveValue('4')
    await expect(calc.mde).toHaveValue('5')
    await expect(calc.mdeKind).toHaveValue('relative')
    await expect(calc.alpha).toHaveValue('0.05')
    await expect(calc.power).toHaveValue('80')
    const power = (args: string[]): PowerResult =>
      JSON.parse(
        cli(['power', '--baseline', '0.04', '--mde', '0.05', '--json', ...args], configDir)
      ) as PowerResult
    const expected = power([])
    await expect(calc.answer()).toBeVisible()
    await expect(calc.perArm).toHaveText(unitsText(f, expected.nPerArm))
    await expect(calc.cohen).toHaveText(unitsText(f, expected.nPerArmCohenH))
    await expect(calc.total).toHaveText(unitsText(f, expected.total))
    await expect(calc.days).toHaveText('—')
    await expect(calc.perArm).toHaveText('154,302')

    await calc.daily.fill('5,000')
    const withDays = power(['--daily-units', '5000'])
    await expect(calc.answer().getByTestId('sample-size-days')).toHaveText(unitsText(f, withDays.days))
    await expect(calc.answer()).toContainText('At 5,000 units a day')

    // Refused before they reach the API.
    for (const bad of ['0', '100', 'abc', '']) {
      await calc.baseline.fill(bad)
      await expect(calc.error('baseline')).toHaveText('Enter a baseline rate above 0% and below 100%.')
      await expect(calc.baseline).toHaveAttribute('aria-invalid', 'true')
      await expect(calc.result).toHaveCount(0)
    }
    await calc.baseline.fill('4')
    await calc.mde.fill('0')
    await expect(calc.error('mde')).toHaveText('Enter an effect other than 0.')
    await calc.mdeKind.selectOption('absolute')
    await calc.mde.fill('-5')
    await expect(calc.error('mde')).toHaveText('The baseline plus the effect must stay between 0% and 100%.')
    await calc.mde.fill('0.5')
    await calc.alpha.fill('5')
    await expect(calc.error('alpha')).toBeVisible()
    await calc.alpha.fill('0.05')
    await calc.power.fill('100')
    await expect(calc.error('power')).toBeVisible()
    await calc.power.fill('90')
    await calc.daily.fill('-3')
    await expect(calc.error('daily')).toBeVisible()
    await calc.daily.fill('')
    const absolute = JSON.parse(
      cli(
        [
          'power',
          '--baseline',
          '0.04',
          '--mde',
          '0.005',
          '--mde-kind',
          'absolute',
          '--power',
          '0.9',
          '--json'
        ],
        configDir
      )
    ) as PowerResult
    await expect(calc.answer().getByTestId('sample-size-per-arm')).toHaveText(unitsText(f, absolute.nPerArm))
    await expect(calc.cohen).toHaveText(unitsText(f, absolute.nPerArmCohenH))
    await expect(calc.root).not.toContainText(/NaN|undefined|null/)

    // Reset brings back the settings' α and power.
    await calc.reset.click()
    await expect(calc.power).toHaveValue('80')
    await expect(calc.mdeKind).toHaveValue('relative')

    // From the Experiments view too: the same tab.
    const view = new ExperimentsView(page)
    await view.activityButton.click()
    await view.calculator.click()
    expect((await wb.tabs.ids()).filter((id) => id === 'sampleSize')).toHaveLength(1)
  })

  test('exports the forest plot as PNG and SVG', async ({ workbench }) => {
    const { page, workspacePath, configDir } = workbench
    const wb = new WorkbenchPage(page)
    await wb.waitReady()
    const view = new ExperimentsView(page)
    await view.activityButton.click()
    await view.waitLoaded()
    await view.item(DEMO.threeArms).click()
    const ed = new ExperimentEditor(page)
    await ed.waitLoaded()
    const key = find(cliExperiments(workspacePath, configDir), DEMO.threeArms).key
    const save = async (format: 'png' | 'svg'): Promise<{ name: string; bytes: Buffer }> => {
      const download: Promise<Download> = page.waitForEvent('download')
      await ed.exportButton(format).click()
      const file = await download
      return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) }
    }
    const svg = await save('svg')
    expect(svg.name).toBe(`loopbench-experiment-forest-${key}.svg`)
    const text = svg.bytes.toString('utf8')
    expect(text).toContain('Relative lift with 95% intervals')
    expect(text).toContain('converted · buy_securely')
    expect(text).not.toMatch(/NaN|undefined/)
    const parsed = await page.evaluate((source) => {
      const doc = new DOMParser().parseFromString(source, 'image/svg+xml')
      return doc.querySelector('parsererror') ? 'error' : doc.documentElement.nodeName
    }, text)
    expect(parsed).toBe('svg')
    const png = await save('png')
    expect(png.name).toBe(`loopbench-experiment-forest-${key}.png`)
    expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
    expect(png.bytes.readUInt32BE(16)).toBeGreaterThanOrEqual(1440)
    writeFileSync(screenshotPath('experiment-forest-export'), png.bytes)

    // A row of the plot leads to its comparison.
    await ed.forestRows().nth(1).click()
    await expect(ed.comparisonRow('converted', 'buy_securely')).toBeFocused()
  })

  test('says what to import when the workspace has no experiments', async ({ workbench }) => {
    const { page } = workbench
    await withEmptyWorkspace(async (server) => {
      await page.goto(server.url)
      const wb = new WorkbenchPage(page)
      await wb.waitReady()
      const view = new ExperimentsView(page)
      await view.activityButton.click()
      await expect(view.empty).toContainText('No experiments yet')
      await expect(view.empty).toContainText('per-unit rows')
      await expect(view.empty).toContainText('per-arm summary table')
      await page.screenshot({ path: screenshotPath('experiments-empty-en') })
      await view.emptyImport.click()
      await expect(wb.importWizard.root).toBeVisible()
      await view.emptyCalculator.click()
      await expect(new SampleSizeCalculator(page).root).toBeVisible()

      await wb.usePreferences('light', 'zh-CN')
      // The side bar's view is saved a moment after the click; a quick reload may show the Explorer.
      if (!(await view.root.isVisible())) await view.activityButton.click()
      await expect(view.empty).toContainText('还没有实验')
      await expect(view.emptyImport).toHaveText('导入实验数据')
      await page.screenshot({ path: screenshotPath('experiments-empty-zh-CN') })
    })
  })
})
