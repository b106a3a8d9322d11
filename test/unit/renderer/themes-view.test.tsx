import { renderToString } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import type { ThemesOverview } from '../../../src/shared/domain/themes'
import { createI18n } from '../../../src/renderer/src/i18n/i18n'
import { I18nProvider } from '../../../src/renderer/src/i18n/i18n-context'
import { WorkbenchProvider } from '../../../src/renderer/src/state/workbench-context'
import { ThemesView } from '../../../src/renderer/src/views/themes/themes-view'
import { createTestController, demoHandlers } from './test-controller'
import { SURVEY_IMPACT, overview, theme } from './theme-fixtures'

const THEMES = overview([
  theme({ id: 1, label: 'Refund delays', size: 400, share: 0.4, conflictWith: 2 }),
  theme({ id: 2, label: 'Courier no-shows', size: 300, pinned: true }),
  theme({
    id: 3,
    label: 'App crashes',
    size: 200,
    trend: { previousQuarter: 0, currentQuarter: 20, change: null },
    impact: { ...SURVEY_IMPACT, source: 'unknown', csatDiff: null, csatDiffCi95: null }
  }),
  theme({ id: 4, label: 'Other', kind: 'other', size: 900 }),
  theme({ id: 5, label: 'Thank-you notes', size: 250, status: 'excluded' })
])

async function render(language: 'en' | 'zh-CN', list: ThemesOverview): Promise<string> {
  const wb = createTestController({ ...demoHandlers(), 'themes.list': () => list })
  await wb.boot()
  await wb.themes.loaded()
  return renderToString(
    <WorkbenchProvider value={wb}>
      <I18nProvider value={createI18n(language)}>
        <ThemesView />
      </I18nProvider>
    </WorkbenchProvider>
  )
}

const text = (html: string): string => html.replace(/<!-- -->/g, '').replace(/<[^>]+>/g, ' ')
const order = (html: string): string[] =>
  [...html.matchAll(/data-testid="themes-item" data-id="(\d+)"/g)].map((m) => m[1] ?? '')

describe('the Themes view renders', () => {
  it('the ranked themes: pinned first, the other bucket last, excluded ones in a collapsed group', async () => {
    const html = await render('en', THEMES)
    expect(order(html)).toEqual(['2', '1', '3', '4'])
    expect(html).toContain('Excluded')
    expect(html).not.toContain('Thank-you notes')
    expect(html).toContain('is-other')
    expect(text(html)).toContain('2026-Q2 vs 2026-Q1')
  })

  it('each row with its size, share, change, sparkline and CSAT impact', async () => {
    const html = text(await render('en', THEMES))
    expect(html).toContain('Refund delays')
    expect(html).toContain('40.0%')
    expect(html).toContain('+25%')
    expect(html).toContain('new')
    expect(html).toContain('CSAT \u22126.2')
    expect(html).toContain('CSAT unknown')
    expect(html).toContain('Tickets per month, April 2026 to June 2026')
  })

  it('a conflict as a warning that names the other theme', async () => {
    const html = await render('en', THEMES)
    expect(html).toContain('data-testid="themes-item-conflict"')
    expect(html).toContain('Matched the same cluster as “Courier no-shows” at the last re-run')
  })

  it('in Chinese, without leftovers', async () => {
    const html = await render('zh-CN', THEMES)
    expect(text(html)).toContain('满意度未知')
    expect(text(html)).toContain('新出现')
    expect(text(html)).toContain('已排除')
    expect(text(html)).not.toMatch(/undefined|NaN|\{\w+\}/)
  })

  it('"Find themes" when there are tickets but no run', async () => {
    const html = await render('en', overview([], { run: null }))
    expect(html).toContain('data-testid="themes-empty-run"')
    expect(html).toContain('data-testid="themes-find"')
    expect(text(html)).toContain('1,000 tickets')
  })

  it('what to import when there are no tickets', async () => {
    const html = await render('en', overview([], { run: null, totalTickets: 0, quarter: null, quarters: [] }))
    expect(html).toContain('data-testid="themes-empty-tickets"')
    expect(html).toContain('Import tickets')
  })

  it('the tickets imported since the last run, with a Re-run link', async () => {
    const html = text(await render('en', { ...THEMES, unassigned: 12 }))
    expect(html).toContain('12 tickets imported since the last run are not in a theme yet.')
  })
})
