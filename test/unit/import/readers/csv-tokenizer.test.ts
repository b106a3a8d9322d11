import { describe, expect, it } from 'vitest'
import { CsvSyntaxError, CsvTokenizer } from '../../../../src/main/core/import/readers/csv-tokenizer'
import type { CsvRecord } from '../../../../src/main/core/import/readers/csv-tokenizer'

/** Splits `text` fed in the given pieces. */
function split(pieces: string[], delimiter = ',', max?: number): CsvRecord[] {
  const tokenizer = max === undefined ? new CsvTokenizer(delimiter) : new CsvTokenizer(delimiter, max)
  const out: CsvRecord[] = []
  for (const piece of pieces) tokenizer.push(piece, out)
  tokenizer.end(out)
  return out
}

/** Splits `text` whole, then at every position into two pieces, and requires the same records. */
function splitEverywhere(text: string, delimiter = ','): CsvRecord[] {
  const whole = split([text], delimiter)
  for (let cut = 0; cut <= text.length; cut++) {
    expect(split([text.slice(0, cut), text.slice(cut)], delimiter), `cut at ${cut}`).toEqual(whole)
  }
  // And one character at a time: every state crosses a chunk boundary.
  expect(split([...text], delimiter)).toEqual(whole)
  return whole
}

const error = (pieces: string[], max?: number): CsvSyntaxError => {
  try {
    split(pieces, ',', max)
  } catch (caught) {
    expect(caught).toBeInstanceOf(CsvSyntaxError)
    return caught as CsvSyntaxError
  }
  throw new Error('expected a syntax error')
}

describe('CsvTokenizer', () => {
  it('splits plain records and keeps empty fields', () => {
    expect(splitEverywhere('a,b,c\n1,,3\n,,\n')).toEqual([
      { line: 1, cells: ['a', 'b', 'c'] },
      { line: 2, cells: ['1', '', '3'] },
      { line: 3, cells: ['', '', ''] }
    ])
  })

  it('reads quoted fields with delimiters, doubled quotes and line breaks (RFC 4180)', () => {
    expect(splitEverywhere('id,text\n1,"a, b"\n2,"say ""hi"""\n3,"two\nlines"\n4,""\n')).toEqual([
      { line: 1, cells: ['id', 'text'] },
      { line: 2, cells: ['1', 'a, b'] },
      { line: 3, cells: ['2', 'say "hi"'] },
      { line: 4, cells: ['3', 'two\nlines'] },
      { line: 6, cells: ['4', ''] }
    ])
  })

  it('gives each record the physical line where it starts, across multi-line quoted fields', () => {
    const text = 'h1,h2\n"a\nb\nc",x\n"one\r\ntwo",y\nlast,"\n"\nafter,z'
    expect(splitEverywhere(text).map((r) => r.line)).toEqual([1, 2, 5, 7, 9])
  })

  it('treats CRLF, LF and CR (also mixed) as line ends, and keeps them inside quotes', () => {
    expect(splitEverywhere('a\r\nb\rc\nd\r\n"e\r\nf"\rg')).toEqual([
      { line: 1, cells: ['a'] },
      { line: 2, cells: ['b'] },
      { line: 3, cells: ['c'] },
      { line: 4, cells: ['d'] },
      { line: 5, cells: ['e\r\nf'] },
      { line: 7, cells: ['g'] }
    ])
  })

  it('skips blank and whitespace-only lines but counts them', () => {
    expect(splitEverywhere('a,b\n\n  \n\r\n1,2\n\n')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 5, cells: ['1', '2'] }
    ])
  })

  it('keeps a quoted empty line as a record (it is a value, not a blank line)', () => {
    expect(split(['a\n""\n'])).toEqual([
      { line: 1, cells: ['a'] },
      { line: 2, cells: [''] }
    ])
  })

  it('reads a last record without a line break, and one that ends with a delimiter', () => {
    expect(split(['a,b\n1,'])).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['1', ''] }
    ])
    expect(split(['x,"y"'])).toEqual([{ line: 1, cells: ['x', 'y'] }])
  })

  it('is lenient where nothing is ambiguous: quotes inside unquoted fields, text after a closing quote', () => {
    expect(splitEverywhere('5" screen,a"b\n"ab"cd,e\n')).toEqual([
      { line: 1, cells: ['5" screen', 'a"b'] },
      { line: 2, cells: ['abcd', 'e'] }
    ])
  })

  it('splits with tab, semicolon and pipe', () => {
    expect(splitEverywhere('a\tb\n"x\ty"\tz', '\t')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['x\ty', 'z'] }
    ])
    expect(split(['a;b;"c;d"'], ';')).toEqual([{ line: 1, cells: ['a', 'b', 'c;d'] }])
    expect(split(['a|b'], '|')).toEqual([{ line: 1, cells: ['a', 'b'] }])
  })

  it('keeps Chinese text and emoji intact', () => {
    expect(splitEverywhere('工单号,描述\n1,"退款😀,物流"\n')).toEqual([
      { line: 1, cells: ['工单号', '描述'] },
      { line: 2, cells: ['1', '退款😀,物流'] }
    ])
  })

  it('names the line where an unclosed quoted field opens', () => {
    const e = error(['a,b\n1,2\n3,"never\nclosed\n4,5\n'])
    expect(e.line).toBe(3)
    expect(e.reason).toContain('never closed')
    // The field may open on a later line of a record that started earlier.
    expect(error(['a,b\n"x\ny","z\n\n']).line).toBe(3)
  })

  it('stops a record longer than the limit: unquoted as a delimiter problem, quoted as a missing quote', () => {
    const long = error(['h\nshort\n', 'x'.repeat(60), 'y'.repeat(60), '\n'], 100)
    expect(long.line).toBe(3)
    expect(long.reason).toMatch(/longer than .*delimiter/)
    const quoted = error(['h\n1,"open\n', 'z'.repeat(200)], 100)
    expect(quoted.line).toBe(2)
    expect(quoted.reason).toContain('closing quote')
  })

  it('counts the record, not just one field, against the limit', () => {
    const many = error(['h\n' + 'ab,'.repeat(50) + '\n'], 100)
    expect(many.line).toBe(2)
  })

  it('refuses a delimiter that cannot work', () => {
    expect(() => new CsvTokenizer('"')).toThrow()
    expect(() => new CsvTokenizer('ab')).toThrow()
  })

  it('reports the line reached so far (for decoding problems mid-file)', () => {
    const tokenizer = new CsvTokenizer(',')
    const out: CsvRecord[] = []
    tokenizer.push('a\nb\n"c\nd', out)
    expect(tokenizer.line).toBe(4)
  })
})
