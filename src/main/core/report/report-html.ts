import type { Decision } from '@shared/domain/experiments'
import type { ChangeTest, MetricsGroup } from '@shared/domain/metrics'
import type { PriorityList, PriorityRow } from '@shared/domain/priorities'
import type { ReportLanguage } from '@shared/domain/report'
import type { ThemeImpact } from '@shared/domain/themes'
import type { MessageKey } from '@shared/i18n/catalog'
import { experimentReason } from '@shared/i18n/experiment-reason'
import type { MessageParams } from '@shared/i18n/translate'
import { translate } from '@shared/i18n/translate'
import { escapeHtml } from '@shared/html'
import { PRODUCT_NAME } from '@shared/product'
import type { IntervalPoint } from './report-charts'
import { REPORT_COLOURS, forestChart, scoreFactorsChart, themeBarsChart, trendChart } from './report-charts'
import type { ReportData, ReportExperiment, ReportExperiments, ReportThemes } from './report-data'
import type { ReportFormat } from './report-format'
import { MISSING, reportFormat } from './report-format'
import { REPORT_CSS } from './report-style'

/** Rows of the priority table; the rest are counted below it (the full list is its own export). */
const PRIORITY_ROWS = 20
/** Rows of the score chart. */
const CHART_ROWS = 12

/** A CSS string literal (the page footer's words). */
const cssString = (text: string): string => `"${text.replace(/[\\"]/g, '\\$&').replace(/[\n\r]/g, ' ')}"`

/** A message with `{page}` and `{pages}` as the CSS `content` of a page margin box. */
const cssContent = (template: string): string =>
  template
    .split(/(\{pages?\})/)
    .filter((part) => part !== '')
    .map((part) =>
      part === '{page}' ? 'counter(page)' : part === '{pages}' ? 'counter(pages)' : cssString(part)
    )
    .join(' ')

/** What every part of the page is written with. */
interface Writer {
  language: ReportLanguage
  /** A message, escaped for HTML (its parameters are escaped too). */
  t(key: MessageKey, params?: MessageParams): string
  fmt: ReportFormat
}

function writer(language: ReportLanguage): Writer {
  return {
    language,
    t: (key, params) =>
      escapeHtml(
        translate(
          language,
          key,
          params && Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)]))
        )
      ),
    fmt: reportFormat(language)
  }
}

/**
 * The quarterly review as one self-contained HTML document: inline CSS, charts as inline SVG, no
 * script, no link, no image or font from anywhere (a content security policy says so too). A
 * cover, then one printed page (or more) per section. Every text from the workspace — theme
 * labels, item titles, notes, experiment and arm names — is escaped.
 */
export function renderReportHtml(data: ReportData, language: ReportLanguage): string {
  const w = writer(language)
  const quarter = data.quarter ?? translate(language, 'report.noQuarter')
  const title = translate(language, 'report.documentTitle', { product: PRODUCT_NAME, quarter })
  const footer = translate(language, 'report.footer', { product: PRODUCT_NAME, quarter })
  const pageCss = `@page { @bottom-left { content: ${cssString(footer)}; } @bottom-right { content: ${cssContent(translate(language, 'report.footerPage'))}; } }`
  const sections = [
    cover(data, w),
    section('satisfaction', 1, w.t('report.section.satisfaction'), data, w, () => satisfaction(data, w)),
    section('themes', 2, w.t('report.section.themes'), data, w, () => themes(data, w)),
    section('experiments', 3, w.t('report.section.experiments'), data, w, () => experiments(data, w)),
    section('priorities', 4, w.t('report.section.priorities'), data, w, () => priorities(data, w))
  ]
  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${PRODUCT_NAME}">
<title>${escapeHtml(title)}</title>
<style>
${REPORT_CSS}
${pageCss}
</style>
</head>
<body>
<main class="report">
${sections.join('\n')}
</main>
</body>
</html>
`
}

function cover(data: ReportData, w: Writer): string {
  const { t, fmt } = w
  const calendar =
    data.fiscalYearStartMonth === 1
      ? t('report.cover.calendar')
      : t('report.cover.fiscal', { month: fmt.monthName(data.fiscalYearStartMonth) })
  const meta: Array<[string, string]> = [
    [t('report.cover.workspace'), escapeHtml(data.workspace.name)],
    [t('report.cover.file'), escapeHtml(data.workspace.fileName)],
    [t('report.cover.generated'), escapeHtml(fmt.day(data.generatedOn))],
    [t('report.cover.timeZone'), escapeHtml(data.timeZone)]
  ]
  const contents = (
    [
      ['satisfaction', 'report.section.satisfaction'],
      ['themes', 'report.section.themes'],
      ['experiments', 'report.section.experiments'],
      ['priorities', 'report.section.priorities']
    ] as const
  )
    .map(([id, key], i) => `<li><a href="#${id}"><span class="num">0${i + 1}</span>${t(key)}</a></li>`)
    .join('')
  return `<section class="page cover" id="cover">
<p class="kicker">${escapeHtml(PRODUCT_NAME)} · ${t('report.cover.kicker')}</p>
<h1>${t('report.title')}</h1>
<p class="quarter">${escapeHtml(data.quarter ?? translate(w.language, 'report.noQuarter'))}</p>
${
  data.range
    ? `<p class="period">${t('report.cover.period', { from: fmt.day(data.range.from), to: fmt.day(data.range.to) })} · ${calendar}</p>`
    : ''
}
<dl class="meta">${meta.map(([k, v]) => `<div><dt>${k}</dt><dd>${v}</dd></div>`).join('')}</dl>
${data.quarter === null ? `<p class="empty">${t('report.cover.noData')}</p>` : glance(data, w)}
<h2 class="contents-title">${t('report.cover.contents')}</h2>
<ol class="contents">${contents}</ol>
</section>`
}

/** The key figures of the quarter on the cover. */
function glance(data: ReportData, w: Writer): string {
  const { t, fmt } = w
  const tiles: string[] = []
  const tile = (label: string, value: string, note: string): void => {
    tiles.push(
      `<div class="tile"><div class="tile-label">${label}</div><div class="tile-value">${value}</div><div class="tile-note">${note}</div></div>`
    )
  }
  const previous = data.previousQuarter ?? ''
  const themes = data.themes
  const ticketsNow = themes?.quarterTickets ?? 0
  tile(t('report.kpi.tickets'), escapeHtml(fmt.integer(ticketsNow)), '&nbsp;')
  const current = data.satisfaction?.quarters.at(-1)
  if (current) {
    tile(
      t('report.kpi.csat'),
      escapeHtml(fmt.percent(current.csat.value)),
      changeNote(current.change.csat, (d) => ppText(w, d), previous, w) ||
        t('report.kpi.responses', { count: fmt.integer(current.csat.n) })
    )
    tile(
      t('report.kpi.nps'),
      escapeHtml(fmt.number(current.nps.value)),
      changeNote(current.change.nps, (d) => fmt.signed(d), previous, w) ||
        t('report.kpi.responses', { count: fmt.integer(current.nps.n) })
    )
  }
  const concluded = data.experiments?.concluded ?? []
  tile(
    t('report.kpi.experiments'),
    escapeHtml(fmt.integer(concluded.length)),
    t('report.kpi.decided', {
      count: fmt.integer(concluded.filter((e) => e.decision !== null && e.decision !== 'inconclusive').length)
    })
  )
  const top = data.priorities?.items[0]
  tile(
    t('report.kpi.topPriority'),
    `<span class="tile-text">${top ? escapeHtml(top.title) : MISSING}</span>`,
    top ? `${t('report.priorities.col.score')} ${escapeHtml(fmt.number(top.score, 1, 1))}` : '&nbsp;'
  )
  return `<h2 class="glance-title">${t('report.cover.glance')}</h2><div class="tiles">${tiles.join('')}</div>`
}

/** "+2.1 pp vs 2026-Q2" for a tested change with a difference; empty without one. */
function changeNote(
  change: ChangeTest | null,
  format: (diff: number) => string,
  previous: string,
  w: Writer
): string {
  if (!change || change.diff === null) return ''
  return w.t('report.kpi.change', { change: format(change.diff), quarter: previous })
}

/** A CSAT difference (a difference of shares) in percentage points. */
const ppText = (w: Writer, diff: number): string =>
  translate(w.language, 'experiments.pp', { value: w.fmt.signed(diff * 100) })

function section(
  id: string,
  n: number,
  heading: string,
  data: ReportData,
  w: Writer,
  body: () => string
): string {
  return `<section class="page" id="${id}">
<header class="section-head"><span class="num">0${n}</span><h2>${heading}</h2><span class="badge">${escapeHtml(data.quarter ?? translate(w.language, 'report.noQuarter'))}</span></header>
${data.quarter === null ? `<p class="empty">${w.t('report.cover.noData')}</p>` : body()}
</section>`
}

const empty = (text: string): string => `<p class="empty">${text}</p>`

const figure = (caption: string, svg: string): string =>
  `<figure><figcaption>${caption}</figcaption>${svg}</figure>`

// ——— (a) Satisfaction ———

function satisfaction(data: ReportData, w: Writer): string {
  const { t, fmt } = w
  const s = data.satisfaction!
  const quarter = data.quarter!
  const answered = (g: MetricsGroup): boolean => g.csat.n + g.nps.n > 0
  const lead = `<p class="lead">${t('report.satisfaction.lead', {
    threshold: fmt.number(s.csatSatisfiedThreshold, 2),
    scale: fmt.integer(s.csatScaleMax),
    quarter
  })}</p>`
  if (!s.quarters.some(answered)) return lead + empty(t('report.satisfaction.emptyWindow', { quarter }))
  const current = s.quarters.at(-1)
  const months = s.months.map((m) => fmt.month(m.key ?? ''))
  const inQuarter = s.months.filter((m) => data.quarterMonths.includes(m.key ?? ''))
  const highlight: [string, string] | null =
    inQuarter.length > 0 ? [fmt.month(inQuarter[0]!.key ?? ''), fmt.month(inQuarter.at(-1)!.key ?? '')] : null
  const csatPoints: IntervalPoint[] = s.months.map((m) => ({
    value: m.csat.value === null ? null : m.csat.value * 100,
    low: m.csat.ci95 ? m.csat.ci95[0] * 100 : null,
    high: m.csat.ci95 ? m.csat.ci95[1] * 100 : null
  }))
  const npsPoints: IntervalPoint[] = s.months.map((m) => ({
    value: m.nps.value,
    low: m.nps.ci95Clipped?.[0] ?? null,
    high: m.nps.ci95Clipped?.[1] ?? null
  }))
  const csatChart = trendChart({
    id: 'chart-csat',
    label: translate(w.language, 'report.satisfaction.csatChart'),
    categories: months,
    points: csatPoints,
    highlight,
    colour: REPORT_COLOURS.csat,
    range: [0, 100],
    format: (v) => fmt.percent(v / 100, 0)
  })
  const npsChart = trendChart({
    id: 'chart-nps',
    label: translate(w.language, 'report.satisfaction.npsChart'),
    categories: months,
    points: npsPoints,
    highlight,
    colour: REPORT_COLOURS.nps,
    range: [-100, 100],
    format: (v) => fmt.number(v, 0)
  })
  const interval = (ci: readonly [number, number] | null, scale: (v: number) => string): string =>
    ci ? `${scale(ci[0])} – ${scale(ci[1])}` : MISSING
  const rows = s.quarters
    .map(
      (g) => `<tr${g.key === quarter ? ' class="current"' : ''}>
<th scope="row">${escapeHtml(g.key ?? MISSING)}</th>
<td class="n">${escapeHtml(fmt.percent(g.csat.value))}</td>
<td class="n muted">${escapeHtml(interval(g.csat.ci95, (v) => fmt.percent(v)))}</td>
<td class="n">${escapeHtml(fmt.integer(g.csat.n))}</td>
<td class="n">${changeCell(g.change.csat, (d) => ppText(w, d), w)}</td>
<td class="n">${escapeHtml(fmt.number(g.nps.value))}</td>
<td class="n muted">${escapeHtml(interval(g.nps.ci95Clipped, (v) => fmt.number(v)))}</td>
<td class="n">${escapeHtml(fmt.integer(g.nps.n))}</td>
<td class="n">${changeCell(g.change.nps, (d) => fmt.signed(d), w)}</td>
</tr>`
    )
    .join('\n')
  const table = `<table class="data">
<thead><tr><th>${t('report.satisfaction.col.quarter')}</th><th class="n">${t('report.satisfaction.col.csat')}</th><th class="n">${t('report.satisfaction.col.interval')}</th><th class="n">${t('report.satisfaction.col.responses')}</th><th class="n">${t('report.satisfaction.col.change')}</th><th class="n">${t('report.satisfaction.col.nps')}</th><th class="n">${t('report.satisfaction.col.interval')}</th><th class="n">${t('report.satisfaction.col.responses')}</th><th class="n">${t('report.satisfaction.col.change')}</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>`
  return `${lead}
${current && !answered(current) ? empty(t('report.satisfaction.empty', { quarter })) : ''}
${figure(t('report.satisfaction.csatChart'), csatChart)}
${figure(t('report.satisfaction.npsChart'), npsChart)}
<h3>${t('report.satisfaction.byQuarter')}</h3>
${table}
<p class="note">${t('report.satisfaction.changeNote', {
    alpha: fmt.number(s.significanceLevel, 3),
    minSample: fmt.integer(s.minSampleSize)
  })}</p>`
}

/** A change with its verdict: significant ones in colour, untested ones said so. */
function changeCell(change: ChangeTest | null, format: (diff: number) => string, w: Writer): string {
  if (!change || change.diff === null) return MISSING
  const verdict =
    change.p === null
      ? w.t('report.satisfaction.notTested')
      : change.significant
        ? w.t('report.satisfaction.significant')
        : w.t('report.satisfaction.notSignificant')
  const tone = change.significant ? (change.diff > 0 ? ' up' : ' down') : ''
  return `<span class="change${tone}">${escapeHtml(format(change.diff))}</span><br><span class="verdict">${verdict}</span>`
}

// ——— (b) Themes ———

function themes(data: ReportData, w: Writer): string {
  const { t, fmt } = w
  const section: ReportThemes = data.themes!
  const quarter = data.quarter!
  const previous = data.previousQuarter ?? MISSING
  const lead = `<p class="lead">${t('report.themes.lead', {
    quarter,
    previous,
    tickets: fmt.integer(section.quarterTickets)
  })}</p>`
  if (!section.hasThemes) return lead + empty(t('report.themes.noThemes'))
  if (section.top.length === 0) return lead + empty(t('report.themes.empty', { quarter }))
  const chart = themeBarsChart({
    id: 'chart-themes',
    label: translate(w.language, 'report.themes.chart', { quarter, previous }),
    themes: section.top.map((r) => r.label),
    current: section.top.map((r) => r.tickets),
    previous: section.top.map((r) => r.previousTickets),
    currentName: quarter,
    previousName: previous,
    format: (v) => fmt.integer(v)
  })
  const rows = section.top
    .map(
      (r, i) => `<tr>
<td class="n muted">${i + 1}</td>
<th scope="row" class="label">${escapeHtml(r.label)}</th>
<td class="n">${escapeHtml(fmt.integer(r.tickets))}</td>
<td class="n">${escapeHtml(fmt.percent(r.share))}</td>
<td class="n muted">${escapeHtml(fmt.integer(r.previousTickets))}</td>
<td class="n">${trendText(r.change, r.previousTickets === 0 && r.tickets > 0, w)}</td>
<td class="n">${escapeHtml(fmt.integer(r.reach))}</td>
<td class="n">${impactText(r.impact, w)}</td>
</tr>`
    )
    .join('\n')
  const movers = (title: string, list: ReportThemes['risers']): string =>
    `<div class="movers"><h3>${title}</h3>${
      list.length === 0
        ? `<p class="muted">${t('report.themes.noMovers')}</p>`
        : `<ul>${list
            .map(
              (r) =>
                `<li>${t('report.themes.mover', {
                  theme: r.label,
                  previous: fmt.integer(r.previousTickets),
                  current: fmt.integer(r.tickets)
                })} ${trendText(r.change, r.previousTickets === 0, w)}</li>`
            )
            .join('')}</ul>`
    }</div>`
  return `${lead}
${figure(t('report.themes.chart', { quarter, previous }), chart)}
<table class="data">
<thead><tr><th class="n">#</th><th>${t('report.themes.col.theme')}</th><th class="n">${t('report.themes.col.tickets')}</th><th class="n">${t('report.themes.col.share')}</th><th class="n">${t('report.themes.col.previous', { quarter: previous })}</th><th class="n">${t('report.themes.col.change')}</th><th class="n">${t('report.themes.col.customers')}</th><th class="n">${t('report.themes.col.impact')}</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
<div class="columns">${movers(t('report.themes.risers'), section.risers)}${movers(t('report.themes.fallers'), section.fallers)}</div>`
}

/** A relative change (+45%), or "new" when there was nothing before. */
function trendText(change: number | null, isNew: boolean, w: Writer): string {
  if (isNew) return `<span class="tag new">${w.t('report.themes.new')}</span>`
  if (change === null) return MISSING
  const tone = change > 0 ? ' up-bad' : change < 0 ? ' down-good' : ''
  return `<span class="change${tone}">${escapeHtml(w.fmt.signedPercent(change))}</span>`
}

/** A theme's satisfaction impact: NPS points and CSAT percentage points, or "unknown". */
function impactText(impact: ThemeImpact, w: Writer): string {
  if (impact.npsDiff === null && impact.csatDiff === null)
    return `<span class="flag">${w.t('report.themes.impactUnknown')}</span>`
  return w.t('report.themes.impactValue', {
    nps: impact.npsDiff === null ? MISSING : w.fmt.signed(impact.npsDiff),
    csat: impact.csatDiff === null ? MISSING : ppText(w, impact.csatDiff)
  })
}

// ——— (c) Experiments ———

const DECISION_COLOURS: Readonly<Record<Decision, string>> = {
  ship: REPORT_COLOURS.positive,
  keep_control: REPORT_COLOURS.negative,
  below_threshold: REPORT_COLOURS.neutral,
  inconclusive: REPORT_COLOURS.neutral,
  invalid_srm: REPORT_COLOURS.negative
}

const decisionLabel = (decision: Decision | null, w: Writer): string =>
  w.t(decision === null ? 'experiments.decision.none' : `experiments.decision.${decision}`)

function experiments(data: ReportData, w: Writer): string {
  const { t, fmt } = w
  const section: ReportExperiments = data.experiments!
  const quarter = data.quarter!
  const { settings } = section
  const minLift =
    settings.minLiftKind === 'relative' ? fmt.percent(settings.minLift) : ppText(w, settings.minLift)
  const lead = `<p class="lead">${t('report.experiments.lead', {
    quarter,
    alpha: fmt.number(settings.alpha, 3),
    minLift
  })}</p>`
  const undated =
    section.undated > 0
      ? `<p class="note">${t('report.experiments.undated', { count: fmt.integer(section.undated) })}</p>`
      : ''
  if (section.concluded.length === 0)
    return lead + empty(t('report.experiments.empty', { quarter })) + undated
  const chart = forestChart({
    id: 'chart-experiments',
    label: translate(w.language, 'report.experiments.chart'),
    rows: section.concluded.map((e) => ({
      label: e.name,
      lift: e.relLift === null ? null : e.relLift * 100,
      low: e.relLiftCi95 ? e.relLiftCi95[0] * 100 : null,
      high: e.relLiftCi95 ? e.relLiftCi95[1] * 100 : null,
      colour: e.decision ? DECISION_COLOURS[e.decision] : REPORT_COLOURS.neutral
    })),
    threshold:
      settings.minLiftKind === 'relative'
        ? { value: settings.minLift * 100, label: fmt.percent(settings.minLift, 0) }
        : null,
    format: (v) => fmt.percent(v / 100, 0)
  })
  const rows = section.concluded.map((e) => experimentRow(e, w)).join('\n')
  return `${lead}
${figure(t('report.experiments.chart'), chart)}
<table class="data">
<thead><tr><th>${t('report.experiments.col.experiment')}</th><th>${t('report.experiments.col.ended')}</th><th>${t('report.experiments.col.comparison')}</th><th class="n">${t('report.experiments.col.lift')}</th><th>${t('report.experiments.col.decision')}</th><th>${t('report.experiments.col.reason')}</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
${undated}`
}

function experimentRow(e: ReportExperiment, w: Writer): string {
  const { t, fmt } = w
  const lift =
    e.relLift === null
      ? MISSING
      : `${fmt.signedPercent(e.relLift, 1)}${
          e.relLiftCi95 ? ` (${fmt.percent(e.relLiftCi95[0])} – ${fmt.percent(e.relLiftCi95[1])})` : ''
        }`
  const reason = e.reasonCode === null ? MISSING : experimentReason(w.language, e.reasonCode, e.reasonParams)
  const colour = e.decision ? DECISION_COLOURS[e.decision] : REPORT_COLOURS.neutral
  return `<tr>
<th scope="row" class="label">${escapeHtml(e.name)}<br><span class="muted small">${escapeHtml(e.key)} · ${t('report.experiments.units', { count: fmt.integer(e.units) })}</span></th>
<td>${escapeHtml(fmt.day(e.endedOn))}</td>
<td>${
    e.arm === null
      ? MISSING
      : t('report.experiments.versus', { metric: e.metric ?? MISSING, arm: e.arm, control: e.control })
  }</td>
<td class="n">${escapeHtml(lift)}</td>
<td><span class="decision" style="border-color:${colour};color:${colour}">${decisionLabel(e.decision, w)}</span></td>
<td class="small">${escapeHtml(reason)}</td>
</tr>`
}

// ——— (d) Priorities ———

function priorities(data: ReportData, w: Writer): string {
  const { t, fmt } = w
  const quarter = data.quarter!
  const list: PriorityList | null = data.priorities
  const lead = `<p class="lead">${t('report.priorities.lead', {
    quarter,
    formula: translate(w.language, 'report.priorities.formula')
  })}</p>`
  if (!list || list.items.length === 0) return lead + empty(t('report.priorities.empty', { quarter }))
  const f = list.constants
  const constants = `<p class="note">${t('report.priorities.constants', {
    steps: f.impactSteps
      .map((s) =>
        translate(w.language, 'report.priorities.step', {
          drag: fmt.number(s.drag, 2),
          impact: fmt.number(s.impact, 2)
        })
      )
      .join(', '),
    below: fmt.number(f.impactBelow, 2),
    unknown: fmt.number(f.impactUnknown, 2),
    growth: fmt.number(1 + f.growthCap, 2),
    high: fmt.number(f.confidenceHigh, 2),
    highN: fmt.integer(f.highN),
    medium: fmt.number(f.confidenceMedium, 2),
    mediumN: fmt.integer(f.mediumN),
    low: fmt.number(f.confidenceLow, 2),
    sizes: [f.effortWeeks.S, f.effortWeeks.M, f.effortWeeks.L, f.effortWeeks.XL]
      .map((n) => fmt.number(n, 2))
      .join('/'),
    effortDefault: fmt.number(f.effortDefault, 2)
  })}</p>`
  const charted = list.items.filter((r) => r.components.reach > 0 && r.score > 0).slice(0, CHART_ROWS)
  const chart =
    charted.length === 0
      ? ''
      : figure(
          t('report.priorities.chart'),
          scoreFactorsChart({
            id: 'chart-priorities',
            label: translate(w.language, 'report.priorities.chart'),
            rows: charted.map((r) => ({
              label: `${r.rank}. ${r.title}`,
              reach: r.components.reach,
              impact: r.components.impact,
              confidence: r.components.confidence,
              effort: r.components.effort
            })),
            names: {
              reach: translate(w.language, 'report.priorities.col.reach'),
              impact: translate(w.language, 'report.priorities.col.impact'),
              confidence: translate(w.language, 'report.priorities.col.confidence'),
              effort: translate(w.language, 'report.priorities.col.effort'),
              score: translate(w.language, 'report.priorities.col.score')
            },
            format: (v) => `×${fmt.number(v, 2)}`
          })
        ) + `<p class="note">${t('report.priorities.chartNote')}</p>`
  const shown = list.items.slice(0, PRIORITY_ROWS)
  const more =
    list.items.length > shown.length
      ? `<p class="note">${t('report.priorities.more', { count: fmt.integer(list.items.length - shown.length) })}</p>`
      : ''
  return `${lead}
${constants}
${chart}
<table class="data priorities">
<thead><tr><th class="n">#</th><th>${t('report.priorities.col.item')}</th><th class="n">${t('report.priorities.col.score')}</th><th class="n">${t('report.priorities.col.reach')}</th><th class="n">${t('report.priorities.col.impact')}</th><th class="n">${t('report.priorities.col.confidence')}</th><th class="n">${t('report.priorities.col.effort')}</th><th class="n">${t('report.priorities.col.trend')}</th><th>${t('report.priorities.col.evidence')}</th><th>${t('report.priorities.col.status')}</th></tr></thead>
<tbody>
${shown.map((r) => priorityRow(r, w)).join('\n')}
</tbody>
</table>
${more}`
}

function priorityRow(r: PriorityRow, w: Writer): string {
  const { t, fmt } = w
  const c = r.components
  const notes = [
    r.previousRank === null ? '' : t('report.priorities.previousRank', { rank: fmt.integer(r.previousRank) }),
    r.override
      ? t('report.priorities.override', { rank: fmt.integer(r.override.rank), note: r.override.note }) +
        (r.override.conflict
          ? ` (${t('report.priorities.conflict', { rank: fmt.integer(r.override.rank) })})`
          : '')
      : ''
  ].filter((n) => n !== '')
  const impact = r.impactKnown
    ? escapeHtml(fmt.number(c.impact, 2))
    : `${escapeHtml(fmt.number(c.impact, 2))}<br><span class="flag">${t('report.priorities.impactUnknown')}</span>`
  const weeks = t('report.priorities.weeks', { weeks: fmt.number(c.effort, 1) })
  const effort = r.effortSet
    ? `${r.effortSize ? `${escapeHtml(r.effortSize)} · ` : ''}${weeks}`
    : `${weeks}<br><span class="flag">${t('report.priorities.effortNotSet')}</span>`
  const trend = c.trend.new
    ? `<span class="tag new">${t('report.priorities.new')}</span>`
    : trendText(c.trend.change, false, w)
  const evidence =
    c.evidence.length === 0
      ? MISSING
      : c.evidence
          .map(
            (e) =>
              `${escapeHtml(e.key)}: ${decisionLabel(e.decision, w)}${
                e.relLift === null ? '' : ` (${escapeHtml(fmt.signedPercent(e.relLift, 1))})`
              }`
          )
          .join('<br>')
  return `<tr${r.override ? ' class="overridden"' : ''}>
<td class="n rank">${fmt.integer(r.rank)}</td>
<th scope="row" class="label">${escapeHtml(r.title)}${notes.map((n) => `<br><span class="muted small">${n}</span>`).join('')}</th>
<td class="n strong">${escapeHtml(fmt.number(r.score, 1, 1))}</td>
<td class="n">${escapeHtml(fmt.integer(c.reach))}</td>
<td class="n">${impact}</td>
<td class="n">${escapeHtml(fmt.number(c.confidence, 2))}</td>
<td class="n">${effort}</td>
<td class="n">${trend}</td>
<td class="small">${evidence}</td>
<td>${t(`report.priorities.status.${r.status}`)}</td>
</tr>`
}
