import { describe, expect, it } from 'vitest'
import { renderReportHtml } from '../../../src/main/core/report/report-html'
import { REPORT_LANGUAGES } from '../../../src/shared/domain/report'
import { priorityListOf, priorityRow, reportData, theme } from './report-fixture'

/** Every `src`/`href` value of the page, and every `url(…)` of its style. */
function references(html: string): string[] {
  const attributes = [
    ...html.matchAll(/\s(?:src|href|xlink:href|action|poster)\s*=\s*["']?([^"'\s>]+)/gi)
  ].map((m) => m[1] ?? '')
  const urls = [...html.matchAll(/url\(\s*["']?([^"')]+)/gi)].map((m) => m[1] ?? '')
  return [...attributes, ...urls]
}

const sections = ['cover', 'satisfaction', 'themes', 'experiments', 'priorities']

describe('the quarterly review page', () => {
  for (const language of REPORT_LANGUAGES) {
    it(`is one self-contained document in ${language}: no script, no link, nothing fetched`, () => {
      const html = renderReportHtml(reportData(), language)
      expect(html.startsWith('<!doctype html>')).toBe(true)
      expect(html).toContain(`<html lang="${language}">`)
      expect(html).not.toMatch(/<script/i)
      expect(html).not.toMatch(/<link/i)
      expect(html).not.toMatch(/<img/i)
      expect(html).not.toMatch(/<iframe|<object|<embed/i)
      expect(html).not.toMatch(/@import|@font-face/i)
      // Only in-page anchors: nothing with a scheme, nothing relative to a file.
      const refs = references(html)
      expect(refs.length).toBeGreaterThan(0)
      for (const ref of refs) expect(ref, ref).toMatch(/^#[a-z][a-z0-9-]*$/)
      expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`)
      expect(html).not.toMatch(/NaN|undefined|null|\[object/)
    })

    it(`has the cover and the four sections, each on its own printed page, in ${language}`, () => {
      const html = renderReportHtml(reportData(), language)
      for (const id of sections) expect(html).toContain(`id="${id}"`)
      expect(html.match(/<section class="page/g)).toHaveLength(5)
      expect(html).toMatch(/\.page \{[^}]*break-before: page/)
      expect(html).toMatch(/@page \{ size: A4;/)
      // Charts: two trends, the theme bars, the forest plot, the score factors, all inline SVG.
      expect(html.match(/<svg /g)).toHaveLength(5)
      expect(html).not.toMatch(/ecmeta_|zr\d+-cls/)
      expect(html).toContain('acme.loopbench')
      expect(html).toContain('Acme support')
    })
  }

  it('speaks English with English number and date formats', () => {
    const html = renderReportHtml(reportData(), 'en')
    expect(html).toContain('<title>Loopbench quarterly review, 2026-Q3</title>')
    expect(html).toContain('Quarterly review')
    expect(html).toContain('1 July 2026 to 30 September 2026')
    expect(html).toContain('5 October 2026')
    expect(html).toContain('Satisfaction trends')
    expect(html).toContain('Top themes and movers')
    expect(html).toContain('Experiments concluded in the quarter')
    expect(html).toContain('Feature priorities')
    // Counts with grouping, shares as percentages, signed changes with a real minus.
    expect(html).toContain('60,000 units')
    expect(html).toContain('22.5%')
    expect(html).toContain('−6.6 pp')
    expect(html).toContain('+125%')
    expect(html).toContain('Ship')
    expect(html).toContain('buy_now lifts 11.5%')
  })

  it('speaks Simplified Chinese with Chinese dates', () => {
    const html = renderReportHtml(reportData(), 'zh-CN')
    expect(html).toContain('<title>Loopbench 季度回顾 · 2026-Q3</title>')
    expect(html).toContain('2026年7月1日 至 2026年9月30日')
    expect(html).toContain('满意度趋势')
    expect(html).toContain('主要主题与变化')
    expect(html).toContain('本季度结束的实验')
    expect(html).toContain('功能优先级')
    expect(html).toContain('上线')
    expect(html).toContain('未设工作量')
    expect(html).toContain('第 " counter(page) " 页，共 " counter(pages) " 页')
    expect(html).not.toContain('Quarterly review')
  })

  it('shows the score breakdown: unknown impact and unset effort marked, overrides with their note', () => {
    const html = renderReportHtml(reportData(), 'en')
    const rows = html.slice(html.indexOf('<table class="data priorities">'))
    expect(rows).toContain('Refund speed')
    expect(rows).toContain('was #3')
    expect(rows).toContain('M · 3 wk')
    expect(rows).toContain('checkout_copy: Ship (+11.5%)')
    expect(rows).toContain('<span class="flag">unknown</span>')
    expect(rows).toContain('<span class="flag">effort not set</span>')
    expect(rows).toContain('Ranked #2 by hand: CEO asked for it')
    expect(rows).toContain('<span class="tag new">new</span>')
    expect(rows.indexOf('Refund speed')).toBeLessThan(rows.indexOf('退款太慢'))
  })

  it('escapes every text that comes from the workspace', () => {
    const evil = '<script>alert("x")</script>'
    const data = reportData({
      workspace: { name: `<b>${evil}</b>`, fileName: 'a&b.loopbench' },
      themes: {
        quarterTickets: 10,
        hasThemes: true,
        top: [theme(1, evil, 5, 1)],
        risers: [theme(1, evil, 5, 1)],
        fallers: []
      },
      priorities: priorityListOf([
        priorityRow(1, evil, { override: { rank: 1, note: `<img src=x onerror=alert(1)>`, conflict: false } })
      ])
    })
    const html = renderReportHtml(data, 'en')
    expect(html).not.toMatch(/<script/i)
    expect(html).not.toMatch(/<img/i)
    expect(html).not.toContain('<b>')
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;')
    expect(html).toContain('a&amp;b.loopbench')
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;')
  })

  it('renders a quarter with no data, saying so in every section', () => {
    const data = reportData({
      satisfaction: { ...reportData().satisfaction!, quarters: [], months: [] },
      themes: { quarterTickets: 0, hasThemes: true, top: [], risers: [], fallers: [] },
      experiments: { ...reportData().experiments!, concluded: [], undated: 0 },
      priorities: null
    })
    for (const language of REPORT_LANGUAGES) {
      const html = renderReportHtml(data, language)
      for (const id of sections) expect(html).toContain(`id="${id}"`)
      expect(html).not.toMatch(/<svg /)
      expect(html).not.toMatch(/NaN|undefined|null/)
      expect(html.match(/<p class="empty">/g)).toHaveLength(4)
    }
    const en = renderReportHtml(data, 'en')
    expect(en).toContain('No survey responses in 2026-Q3 or the three quarters before it.')
    expect(en).toContain('No themed tickets in 2026-Q3.')
    expect(en).toContain('No experiment concluded in 2026-Q3.')
    expect(en).toContain('No tickets in 2026-Q3: nothing to rank.')
  })

  it('renders a workspace without any quarter: a cover that says why, and empty sections', () => {
    const nothing = [
      'quarter',
      'previousQuarter',
      'range',
      'satisfaction',
      'themes',
      'experiments',
      'priorities'
    ]
    const data = reportData({ ...Object.fromEntries(nothing.map((key) => [key, null])), quarterMonths: [] })
    const html = renderReportHtml(data, 'en')
    expect(html).toContain('This workspace has no tickets yet')
    expect(html.match(/<section class="page/g)).toHaveLength(5)
    expect(html).not.toMatch(/NaN|undefined|null/)
  })

  it('says how to find themes when there are none', () => {
    const data = reportData({
      themes: { quarterTickets: 50, hasThemes: false, top: [], risers: [], fallers: [] }
    })
    expect(renderReportHtml(data, 'en')).toContain('No themes yet: find them first (loopbench themes')
  })

  it('is the same page for the same data', () => {
    expect(renderReportHtml(reportData(), 'zh-CN')).toBe(renderReportHtml(reportData(), 'zh-CN'))
  })
})
