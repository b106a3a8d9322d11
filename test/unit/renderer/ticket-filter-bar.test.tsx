import { renderToString } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { TicketFilterBar } from '../../../src/renderer/src/editors/table/ticket-filter-bar'
import { EMPTY_FILTER } from '../../../src/renderer/src/editors/table/ticket-filter'
import { createI18n } from '../../../src/renderer/src/i18n/i18n'
import { I18nProvider } from '../../../src/renderer/src/i18n/i18n-context'
import { WorkbenchProvider } from '../../../src/renderer/src/state/workbench-context'
import { createTestController } from './test-controller'

async function render(language: 'en' | 'zh-CN', searchComplete: boolean, search = '退款'): Promise<string> {
  const wb = createTestController()
  await wb.boot()
  return renderToString(
    <WorkbenchProvider value={wb}>
      <I18nProvider value={createI18n(language)}>
        <TicketFilterBar
          draft={{ ...EMPTY_FILTER, search, channels: ['email'] }}
          onChange={() => undefined}
          searchComplete={searchComplete}
          searchStatus={searchComplete ? null : { indexed: 500, total: 1000, building: true }}
          dataVersion={0}
        />
      </I18nProvider>
    </WorkbenchProvider>
  )
}

describe('the tickets filter bar renders', () => {
  it('with the search, the dates, the choices and Clear filters', async () => {
    const html = await render('en', true)
    expect(html).toContain('value="退款"')
    expect(html).toContain('type="date"')
    expect(html.replace(/<!-- -->/g, '')).toContain('Channel:')
    expect(html).toContain('email')
    expect(html).toContain('Clear filters')
    expect(html).not.toContain('still indexing')
  })

  it('with the note while the search index is still being built', async () => {
    expect(await render('en', false)).toContain('Search is still indexing (50%) — results may be incomplete.')
    expect(await render('zh-CN', false)).toContain('全文搜索索引仍在建立中（50%）——结果可能不完整。')
  })

  it('in Chinese, without leftovers', async () => {
    const html = await render('zh-CN', true)
    expect(html).toContain('清除筛选')
    expect(html.replace(/<[^>]+>/g, ' ')).not.toMatch(/undefined|NaN|\{\w+\}/)
  })
})
