import { describe, expect, it } from 'vitest'
import { CATALOG } from '../../../src/shared/i18n/catalog'
import { LANGUAGE_IDS } from '../../../src/shared/domain/preferences'
import { matchLanguage, translate } from '../../../src/shared/i18n/translate'
import { COMMAND_IDS } from '../../../src/shared/commands'
import { API_ERROR_CODES } from '../../../src/shared/api/errors'

const placeholders = (text: string): string[] =>
  [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort()
const en: Record<string, string> = CATALOG.en
const zh: Record<string, string> = CATALOG['zh-CN']

describe('message catalog', () => {
  it('has every key in every language', () => {
    for (const language of LANGUAGE_IDS) {
      expect(Object.keys(CATALOG[language]).sort()).toEqual(Object.keys(en).sort())
    }
  })

  it('has no empty or untrimmed messages', () => {
    for (const language of LANGUAGE_IDS) {
      for (const [key, text] of Object.entries(CATALOG[language] as Record<string, string>)) {
        expect(text.trim(), `${language} ${key}`).not.toBe('')
        expect(text, `${language} ${key}`).toBe(text.trim())
      }
    }
  })

  it('uses the same placeholders in every language', () => {
    for (const key of Object.keys(en)) {
      expect(placeholders(zh[key] ?? ''), key).toEqual(placeholders(en[key] ?? ''))
    }
  })

  it('keeps backticked commands identical, so that they can be copied', () => {
    const code = (text: string): string[] => [...text.matchAll(/`([^`]+)`/g)].map((m) => m[1] ?? '')
    for (const key of Object.keys(en)) expect(code(zh[key] ?? ''), key).toEqual(code(en[key] ?? ''))
  })

  it('translates the Chinese UI (no English sentences left in the Chinese table)', () => {
    const untranslated = Object.keys(en).filter(
      (key) => zh[key] === en[key] && /[a-z]{4,} [a-z]{4,}/i.test(en[key] ?? '')
    )
    expect(untranslated).toEqual([])
  })

  it('uses Chinese punctuation in Chinese sentences', () => {
    for (const [key, text] of Object.entries(zh)) {
      if (!/[\u4e00-\u9fff]/.test(text)) continue
      // A full stop or comma right after a Chinese character should be the full-width one (file
      // extensions such as 反馈.loopbench excepted).
      expect(/[\u4e00-\u9fff][,.](?![\dA-Za-z])/.test(text.replace(/`[^`]*`/g, '')), `${key}: ${text}`).toBe(
        false
      )
    }
  })

  it('has a message for every API error code', () => {
    for (const code of API_ERROR_CODES) expect(en).toHaveProperty(`error.${code}`)
  })

  it('has a title for commands the native menu and palette share', () => {
    // Titles are looked up by the registry; here only that the catalog holds the category words.
    expect(COMMAND_IDS.length).toBeGreaterThan(0)
    for (const key of ['category.view', 'category.theme', 'category.language', 'category.workspace']) {
      expect(en).toHaveProperty(key)
    }
  })
})

describe('translate', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('en', 'welcome.singleWorkspace', { name: 'demo' })).toContain('(demo)')
    expect(translate('zh-CN', 'table.rowCount', { rows: '1,000' })).toBe('1,000 行')
    expect(translate('en', 'table.rowCount')).toBe('{rows} rows')
  })

  it('matches browser languages', () => {
    expect(matchLanguage('zh-CN')).toBe('zh-CN')
    expect(matchLanguage('zh-Hans-CN')).toBe('zh-CN')
    expect(matchLanguage('zh-TW')).toBe('en')
    expect(matchLanguage('en-GB')).toBe('en')
    expect(matchLanguage(undefined)).toBe('en')
  })
})
