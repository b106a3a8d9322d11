import { describe, expect, it } from 'vitest'
import {
  combineHeaderRows,
  detectHeaderRows,
  headerDescriptions,
  importIdTimeZones
} from '../../../../src/main/core/import/layouts/header-rows'
import { findPreset } from '../../../../src/main/core/import/layouts/layout-presets'

const qualtrics = [
  ['StartDate', 'EndDate', 'ResponseId', 'Q1', 'Q2'],
  ['Start Date', 'End Date', 'Response ID', 'How likely are you to recommend us?', 'Why?'],
  [
    '{"ImportId":"startDate","timeZone":"Asia/Singapore"}',
    '{"ImportId":"endDate","timeZone":"Asia/Singapore"}',
    '{"ImportId":"_recordId"}',
    '{"ImportId":"QID1"}',
    '{"ImportId":"QID2_TEXT"}'
  ],
  ['2026-03-05 10:00:00', '2026-03-05 10:02:00', 'R_abc', '9', 'Great']
]

const surveyMonkey = [
  [
    'Respondent ID',
    'Collector ID',
    'End Date',
    'Which features do you use?',
    '',
    '',
    'How likely are you to recommend us?',
    'Anything else?'
  ],
  ['', '', '', 'Wallet', 'Pay Later', 'Other (please specify)', 'Response', 'Open-Ended Response'],
  ['1143', '4318', '03/15/2026 09:04:40 AM', 'Wallet', '', 'Gift cards', '9', 'More stores please']
]

describe('detectHeaderRows', () => {
  it("recognises Qualtrics' ImportId row as the third header row", () => {
    expect(detectHeaderRows(qualtrics)).toEqual({ headerRows: 3, style: 'first-row' })
  })

  it('recognises a legacy two-row Qualtrics header with the ImportId row second', () => {
    expect(detectHeaderRows([qualtrics[0]!, qualtrics[2]!, qualtrics[3]!])).toEqual({
      headerRows: 2,
      style: 'first-row'
    })
  })

  it("recognises SurveyMonkey's answer row", () => {
    expect(detectHeaderRows(surveyMonkey)).toEqual({ headerRows: 2, style: 'merged-question' })
  })

  it('recognises an answer row without the usual markers by its shape', () => {
    const rows = [
      ['Respondent ID', 'Pick your favourites', '', ''],
      ['', 'Apples', 'Pears', 'Plums'],
      ['1', 'Apples', '', 'Plums']
    ]
    expect(detectHeaderRows(rows)).toEqual({ headerRows: 2, style: 'merged-question' })
  })

  it('keeps one header row for ordinary files, even when the first data row has blanks', () => {
    expect(
      detectHeaderRows([
        ['a', 'b'],
        ['1', '2']
      ])
    ).toEqual({ headerRows: 1, style: 'single' })
    expect(
      detectHeaderRows([
        ['id', 'note', ''],
        ['', '12', '3'],
        ['2', 'x', '']
      ])
    ).toEqual({ headerRows: 1, style: 'single' })
    expect(detectHeaderRows([])).toEqual({ headerRows: 1, style: 'single' })
  })
})

describe('combineHeaderRows', () => {
  it('continues merged question cells rightwards and joins question and answer', () => {
    expect(combineHeaderRows(surveyMonkey.slice(0, 2), findPreset('surveymonkey')!)).toEqual([
      'Respondent ID',
      'Collector ID',
      'End Date',
      'Which features do you use? — Wallet',
      'Which features do you use? — Pay Later',
      'Which features do you use? — Other (please specify)',
      'How likely are you to recommend us?',
      'Anything else?'
    ])
  })

  it('takes the column ids of a Qualtrics header and keeps the question texts as descriptions', () => {
    expect(combineHeaderRows(qualtrics.slice(0, 3), findPreset('qualtrics')!)).toEqual([
      'StartDate',
      'EndDate',
      'ResponseId',
      'Q1',
      'Q2'
    ])
    expect(headerDescriptions(qualtrics.slice(0, 3), 'first-row')).toEqual(qualtrics[1])
    expect(headerDescriptions(qualtrics.slice(0, 3), 'single')).toBeNull()
  })

  it('reads the time zones of the ImportId row', () => {
    expect(importIdTimeZones(qualtrics.slice(0, 3), 'first-row')).toEqual([
      'Asia/Singapore',
      'Asia/Singapore',
      null,
      null,
      null
    ])
  })

  it('trims single-row headers and pads them to the widest row', () => {
    expect(combineHeaderRows([[' a ', 'b']], null)).toEqual(['a', 'b'])
  })
})
