import { describe, expect, it } from 'vitest'
import {
  formatFromName,
  sniffDelimiter,
  sniffMagic,
  sniffTextFormat
} from '../../../../src/main/core/import/readers/sniff'

describe('formatFromName', () => {
  it('maps extensions, case-insensitively', () => {
    expect(formatFromName('tickets.CSV')).toBe('csv')
    expect(formatFromName('a.tsv')).toBe('tsv')
    expect(formatFromName('export.txt')).toBe('delimited')
    expect(formatFromName('book.xlsx')).toBe('xlsx')
    expect(formatFromName('data.json')).toBe('json')
    expect(formatFromName('events.jsonl')).toBe('ndjson')
    expect(formatFromName('events.ndjson')).toBe('ndjson')
    expect(formatFromName('upload-7f3a')).toBeNull()
    expect(formatFromName('old.xls')).toBeNull()
  })
})

describe('sniffMagic', () => {
  it('recognises ZIP (XLSX), OLE2 (.xls), gzip and PDF', () => {
    expect(sniffMagic(Buffer.from('PK\x03\x04rest', 'latin1'))).toBe('zip')
    expect(sniffMagic(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]))).toBe('ole2')
    expect(sniffMagic(Buffer.from([0x1f, 0x8b, 8]))).toBe('gzip')
    expect(sniffMagic(Buffer.from('%PDF-1.7'))).toBe('pdf')
    expect(sniffMagic(Buffer.from('id,name\n'))).toBeNull()
  })
})

describe('sniffTextFormat', () => {
  it('tells a JSON array, NDJSON, a wrapping object and delimited text apart', () => {
    expect(sniffTextFormat('  \n[{"a":1}]')).toBe('json')
    expect(sniffTextFormat('{"a":1}\n{"a":2}\n')).toBe('ndjson')
    expect(sniffTextFormat('{"a":1}\r\n\r\n{"a":2}\r\n')).toBe('ndjson')
    expect(sniffTextFormat('{\n  "results": [\n    {"a": 1}\n  ]\n}\n')).toBe('json')
    expect(sniffTextFormat('{"results":[{"a":1}]}')).toBe('json')
    expect(sniffTextFormat('id,name\n1,a\n')).toBe('delimited')
    expect(sniffTextFormat('')).toBe('delimited')
  })
})

describe('sniffDelimiter', () => {
  it('picks the delimiter that splits the first lines consistently', () => {
    expect(sniffDelimiter('a,b,c\n1,2,3\n4,5,6\n', ',')).toBe(',')
    expect(sniffDelimiter('a\tb\tc\n1\t2, 3\t4\n', ',')).toBe('\t')
    expect(sniffDelimiter('a|b\n1|2\n', ',')).toBe('|')
  })

  it('picks ; for European CSV with decimal commas', () => {
    expect(sniffDelimiter('Kunde;Betrag;Datum\nA;1,50;05.03.2026\nB;12,75;06.03.2026\n', ',')).toBe(';')
  })

  it('ignores delimiters inside quoted fields, also across lines', () => {
    const text = 'id;text\n1;"a, b, c"\n2;"x,\ny, z"\n3;plain\n'
    expect(sniffDelimiter(text, ',')).toBe(';')
  })

  it('does not let commas in free text outvote the real delimiter', () => {
    const text = 'id\tsubject\n1\tRefund, please\n2\tLate, again, and broken\n3\tok\n'
    expect(sniffDelimiter(text, ',')).toBe('\t')
  })

  it('falls back to the preferred delimiter for a single column', () => {
    expect(sniffDelimiter('name\nalice\nbob\n', ',')).toBe(',')
    expect(sniffDelimiter('name\nalice\nbob\n', '\t')).toBe('\t')
  })

  it('judges complete lines only when the sample ends inside a record', () => {
    expect(sniffDelimiter('a;b\n1;2\n3;"unfinished, text, with, commas', ',')).toBe(';')
  })
})
