import fc from 'fast-check'
import iconv from 'iconv-lite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { jsonErrorOffset } from '../../../../src/main/core/import/readers/json-error-offset'
import { JsonListSplitter, JsonSyntaxError } from '../../../../src/main/core/import/readers/json-splitter'
import type { JsonElement } from '../../../../src/main/core/import/readers/json-splitter'
import { flattenRecord, parseJson } from '../../../../src/main/core/import/readers/json-values'
import { peekRows } from '../../../../src/main/core/import/readers/open-table'
import { HEADER_SCAN_RECORDS } from '../../../../src/main/core/import/readers/read-limits'
import { makeTempDir } from '../../../helpers/temp-dir'
import { readAll, readAllFailure, writeFixture } from './read-helpers'

/** Splits a document fed in the given pieces. */
function split(pieces: string[]): { elements: JsonElement[]; key: string | null } {
  const splitter = new JsonListSplitter()
  const out: JsonElement[] = []
  for (const piece of pieces) splitter.push(piece, out)
  splitter.end()
  return { elements: out, key: splitter.wrappingKey }
}

/** Splits whole, at every cut, and one character at a time; all must agree. */
function splitEverywhere(text: string): { elements: JsonElement[]; key: string | null } {
  const whole = split([text])
  for (let cut = 0; cut <= text.length; cut++)
    expect(split([text.slice(0, cut), text.slice(cut)]), `cut ${cut}`).toEqual(whole)
  expect(split([...text])).toEqual(whole)
  return whole
}

const syntaxError = (text: string): JsonSyntaxError => {
  try {
    split([text])
  } catch (error) {
    expect(error).toBeInstanceOf(JsonSyntaxError)
    return error as JsonSyntaxError
  }
  throw new Error('expected a syntax error')
}

describe('JsonListSplitter', () => {
  it('splits a pretty-printed list into elements with the line where each starts', () => {
    const text =
      '[\n  {\n    "id": 1,\n    "text": "a ] } \\" ["\n  },\n  {"id": 2, "tags": ["x", {"y": [1]}]}\n]\n'
    const { elements } = splitEverywhere(text)
    expect(elements.map((e) => e.line)).toEqual([2, 6])
    expect(elements.map((e) => JSON.parse(e.text))).toEqual([
      { id: 1, text: 'a ] } " [' },
      { id: 2, tags: ['x', { y: [1] }] }
    ])
  })

  it('finds the list in an object that wraps it, skipping other properties', () => {
    const text =
      '{"meta": {"page": [1, 2]}, "tags": ["a"], "empty": [], "results": [{"a": 1},\n{"a": 2}], "next": null}'
    const { elements, key } = splitEverywhere(text)
    expect(key).toBe('results')
    expect(elements.map((e) => [e.line, e.text])).toEqual([
      [1, '{"a": 1}'],
      [2, '{"a": 2}']
    ])
  })

  it('flags elements with long numbers, outside strings only', () => {
    const { elements } = split(['[{"id": 12345678901234567890}, {"id": "12345678901234567890"}, {"n": 1.5}]'])
    expect(elements.map((e) => e.bigNumbers)).toEqual([true, false, false])
  })

  it('keeps scalar elements for the reader to judge', () => {
    expect(split(['[1, "two", null, true]']).elements.map((e) => e.text)).toEqual([
      '1',
      '"two"',
      'null',
      'true'
    ])
  })

  it('refuses what is not a list of records, naming the line', () => {
    expect(syntaxError('\n\n"just text"').reason).toContain('not a JSON list of records')
    expect(syntaxError('\n\n"just text"').line).toBe(3)
    expect(syntaxError('[{"a":1}\n{"a":2}]').line).toBe(2)
    expect(syntaxError('[{"a":1},\n]').reason).toContain('comma before')
    expect(syntaxError('[{"a":1}]\n{"a":2}').reason).toContain('NDJSON')
    expect(syntaxError('[{"a":1},\n{"a":').reason).toContain('truncated')
    expect(syntaxError('{"count": 2, "next": null}').reason).toContain('no list of records')
    expect(syntaxError('{"a": [{"x":1}],\n "b": [{"y":2}]}')).toMatchObject({ line: 2 })
    expect(syntaxError('{"a": [{"x":1}], "b": [{"y":2}]}').reason).toContain('more than one list')
    expect(syntaxError('   ').reason).toContain('no JSON')
  })

  it('stops an element longer than the limit at the line where it starts', () => {
    const splitter = new JsonListSplitter(50)
    const out: JsonElement[] = []
    expect(() => splitter.push('[{"a":1},\n{"b":"' + 'x'.repeat(100), out)).toThrow(JsonSyntaxError)
  })
})

describe('jsonErrorOffset', () => {
  const parses = (text: string): boolean => {
    try {
      JSON.parse(text)
      return true
    } catch {
      return false
    }
  }

  it('agrees with JSON.parse on valid JSON, and on valid JSON with one character changed', () => {
    fc.assert(
      fc.property(
        fc.json({ maxDepth: 4 }),
        fc.nat(),
        fc.constantFrom('', ',', '}', ']', '"', ':', 'x', '\n', '1', '\\'),
        (json, at, insert) => {
          expect(jsonErrorOffset(json)).toBe(-1)
          const cut = at % (json.length + 1)
          const changed = json.slice(0, cut) + insert + json.slice(cut + 1)
          expect(jsonErrorOffset(changed) === -1, changed).toBe(parses(changed))
        }
      ),
      { numRuns: 500 }
    )
  })

  it('points at the first character that goes wrong', () => {
    expect(jsonErrorOffset('{"a": tru}')).toBe(6)
    expect(jsonErrorOffset('[1, 2,]')).toBe(6)
    expect(jsonErrorOffset('{"a" 1}')).toBe(5)
    expect(jsonErrorOffset('{"a": "x\ny"}')).toBe(8)
    expect(jsonErrorOffset('[1] 2')).toBe(4)
    expect(jsonErrorOffset('[1, 2')).toBe(5)
  })
})

describe('flattenRecord', () => {
  it('flattens nested objects with dots, joins lists of scalars, keeps other lists as JSON', () => {
    const out: Array<[string, string]> = []
    flattenRecord(
      {
        id: 7,
        customer: { id: 'C-001', address: { city: '上海' } },
        tags: ['refund', 'late', 3, true, null],
        items: [{ sku: 'A' }],
        empty: {},
        none: null,
        ok: false
      },
      (key, value) => out.push([key, value])
    )
    expect(out).toEqual([
      ['id', '7'],
      ['customer.id', 'C-001'],
      ['customer.address.city', '上海'],
      ['tags', 'refund, late, 3, true, '],
      ['items', '[{"sku":"A"}]'],
      ['empty', ''],
      ['none', ''],
      ['ok', 'false']
    ])
  })

  it('keeps the digits of long numbers when asked', () => {
    expect(parseJson('{"id": 12345678901234567890, "n": 1.5}', true)).toEqual({
      id: '12345678901234567890',
      n: 1.5
    })
    expect(parseJson('{"id": 12345678901234567890}', false)).toEqual({ id: 12345678901234567000 })
  })
})

describe('JSON and NDJSON readers', () => {
  let temp: ReturnType<typeof makeTempDir>
  beforeAll(() => {
    temp = makeTempDir('loopbench-json-readers-')
  })
  afterAll(() => temp.cleanup())

  it('reads a JSON list: the header is the union of keys in first-seen order; lines are where objects start', async () => {
    const path = writeFixture(
      temp.dir,
      'list.json',
      '[\n  {"id": 1, "customer": {"id": "C1"}, "score": 5},\n  {\n    "id": 2,\n    "channel": "微信",\n    "score": null\n  },\n  {"id": 12345678901234567890}\n]\n'
    )
    const result = await readAll(path, 'list.json', { headerRows: 3 })
    expect(result.info).toMatchObject({ format: 'json', encoding: 'utf-8', delimiter: null })
    expect(result.headerLines).toEqual([['id', 'customer.id', 'score', 'channel']])
    expect(result.rows).toEqual([
      { line: 2, cells: ['1', 'C1', '5', ''] },
      { line: 3, cells: ['2', '', '', '微信'] },
      { line: 8, cells: ['12345678901234567890', '', '', ''] }
    ])
    expect(result.progress).toEqual({
      bytesRead: result.progress.totalBytes,
      totalBytes: result.progress.totalBytes
    })
  })

  it('reads a list wrapped in an object, in UTF-16 and GB18030 too', async () => {
    const text = '{"total": 2, "data": [{"工单号": "A1", "渠道": "电话"}, {"工单号": "A2", "渠道": "微信"}]}'
    for (const [name, bytes] of [
      ['w8.json', Buffer.from(text)],
      ['w16.json', iconv.encode(text, 'utf-16le', { addBOM: true })],
      ['wgb.json', iconv.encode(text, 'gb18030')]
    ] as const) {
      const result = await readAll(writeFixture(temp.dir, name, bytes), name)
      expect(result.headerLines).toEqual([['工单号', '渠道']])
      expect(result.rows.map((r) => r.cells)).toEqual([
        ['A1', '电话'],
        ['A2', '微信']
      ])
    }
  })

  it('counts keys first seen after the header scan and warns about them', async () => {
    const records = Array.from({ length: HEADER_SCAN_RECORDS + 5 }, (_, i) =>
      JSON.stringify(i < HEADER_SCAN_RECORDS ? { id: i } : { id: i, late: 'x', blank: '' })
    )
    const path = writeFixture(temp.dir, 'late.json', `[${records.join(',\n')}]`)
    const result = await readAll(path, 'late.json')
    expect(result.headerLines).toEqual([['id']])
    expect(result.rows).toHaveLength(HEADER_SCAN_RECORDS + 5)
    expect(result.warnings).toHaveLength(1)
    expect(result.warnings[0]).toMatchObject({
      code: 'late_keys',
      details: { keys: [{ key: 'late', records: 5 }] }
    })
    expect(result.warnings[0]?.message).toContain('“late” (5 records)')
  })

  it('turns a non-object element after the first into a row issue, not a structural error', async () => {
    const path = writeFixture(temp.dir, 'mixed.json', '[{"a": 1},\n"oops",\n{"a": 3}]')
    const result = await readAll(path, 'mixed.json')
    expect(result.rows).toEqual([
      { line: 1, cells: ['1'] },
      { line: 2, cells: [''], issue: 'is a text value, not a record with fields' },
      { line: 3, cells: ['3'] }
    ])
  })

  it('reads NDJSON: one object per line, blank lines skipped, CRLF accepted', async () => {
    const path = writeFixture(
      temp.dir,
      'e.ndjson',
      '{"user": 1, "group": "control"}\r\n\r\n{"user": 2, "group": "treatment", "converted": true}\r\n'
    )
    const result = await readAll(path, 'e.ndjson')
    expect(result.info.format).toBe('ndjson')
    expect(result.headerLines).toEqual([['user', 'group', 'converted']])
    expect(result.rows).toEqual([
      { line: 1, cells: ['1', 'control', ''] },
      { line: 3, cells: ['2', 'treatment', 'true'] }
    ])
  })

  it('takes NDJSON saved as .json, and a JSON list saved as .jsonl, by their content', async () => {
    const ndjson = await readAll(writeFixture(temp.dir, 'lines.json', '{"a":1}\n{"a":2}\n'), 'lines.json')
    expect(ndjson.info.format).toBe('ndjson')
    const list = await readAll(writeFixture(temp.dir, 'list.jsonl', '[{"a":1},{"a":2}]'), 'list.jsonl')
    expect(list.info.format).toBe('json')
    expect(list.rows).toHaveLength(2)
  })

  it('stops at a broken NDJSON line, naming it', async () => {
    const failure = await readAllFailure(
      writeFixture(temp.dir, 'b.ndjson', '{"a":1}\n{"a":2}\n{"a":\n{"a":4}\n'),
      'b.ndjson'
    )
    expect(failure.line).toBe(3)
    expect(failure.message).toMatch(/^b\.ndjson, line 3: the JSON is not valid here/)
  })

  it('gives an invalid JSON element the line of the error inside it', async () => {
    const failure = await readAllFailure(
      writeFixture(temp.dir, 'bad.json', '[\n{"a": 1},\n{\n  "a": 2,\n  "b": tru\n}\n]'),
      'bad.json'
    )
    expect(failure.line).toBe(5)
    expect(failure.reason).toContain('the JSON is not valid here')
  })

  it('gives a record in which two paths make the same key a row issue', async () => {
    const path = writeFixture(temp.dir, 'collide.json', '[{"a.b": 1, "a": {"b": 2}},\n{"a.b": 3}]')
    const result = await readAll(path, 'collide.json')
    expect(result.headerLines).toEqual([['a.b']])
    expect(result.rows).toEqual([
      { line: 1, cells: ['2'], issue: 'has two values for “a.b” (a key with a dot and a nested object)' },
      { line: 2, cells: ['3'] }
    ])
  })

  it('peeks keys first, then values', async () => {
    const path = writeFixture(temp.dir, 'peek.ndjson', '{"a":1}\n{"a":2,"b":3}\n{"a":4}\n')
    const { info, rows } = await peekRows(path, 'peek.ndjson', {}, 2)
    expect(info.format).toBe('ndjson')
    expect(rows).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 1, cells: ['1', ''] }
    ])
  })
})
