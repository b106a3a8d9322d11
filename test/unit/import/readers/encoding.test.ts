import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { detectEncoding, TextSampleProblem } from '../../../../src/main/core/import/readers/encoding-detect'
import type { TextEncoding } from '../../../../src/main/core/import/readers/encoding-detect'
import { decodeText, TextDecodeFault } from '../../../../src/main/core/import/readers/text-decode'
import { completeUtf8Length, firstInvalidUtf8 } from '../../../../src/main/core/import/readers/utf8-validate'

const CHINESE =
  '工单号,创建时间,渠道,满意度,推荐意愿\n1001,2026年3月5日,微信,5,9\n1002,2026/03/06 14:22,电话,2,3 退款一直没有到账\n'
const utf8 = (text: string): Buffer => Buffer.from(text, 'utf8')

/** Decodes `bytes` fed in the given pieces; returns the text or the fault and the text before it. */
async function decodePieces(
  pieces: Buffer[],
  encoding: TextEncoding
): Promise<{ text: string; fault: TextDecodeFault | null }> {
  async function* source(): AsyncGenerator<Buffer> {
    for (const piece of pieces) yield piece
  }
  let text = ''
  try {
    for await (const chunk of decodeText(source(), encoding)) text += chunk
  } catch (error) {
    if (error instanceof TextDecodeFault) return { text, fault: error }
    throw error
  }
  return { text, fault: null }
}

/** Every two-piece split of `bytes`, and one byte at a time. */
function splits(bytes: Buffer): Buffer[][] {
  const all: Buffer[][] = []
  for (let cut = 0; cut <= bytes.length; cut++) all.push([bytes.subarray(0, cut), bytes.subarray(cut)])
  all.push([...bytes].map((byte) => Buffer.from([byte])))
  return all
}

const problem = (sample: Uint8Array, complete = true): TextSampleProblem => {
  try {
    detectEncoding(sample, complete)
  } catch (error) {
    expect(error).toBeInstanceOf(TextSampleProblem)
    return error as TextSampleProblem
  }
  throw new Error('expected the sample to be refused')
}

describe('UTF-8 validation', () => {
  it('accepts well-formed text and finds the first bad byte', () => {
    expect(firstInvalidUtf8(utf8('abc 中文 😀 é'))).toBe(-1)
    expect(firstInvalidUtf8(Buffer.from([0x61, 0xc0, 0x80]))).toBe(1) // overlong
    expect(firstInvalidUtf8(Buffer.from([0x61, 0xed, 0xa0, 0x80]))).toBe(1) // surrogate
    expect(firstInvalidUtf8(Buffer.from([0xf4, 0x90, 0x80, 0x80]))).toBe(0) // above U+10FFFF
    expect(firstInvalidUtf8(Buffer.from([0x61, 0x62, 0xff]))).toBe(2)
    expect(firstInvalidUtf8(iconv.encode('中文', 'gbk'))).toBe(0)
  })

  it('accepts a character cut by the end of a sample only when asked to', () => {
    const cut = utf8('ab中').subarray(0, 4)
    expect(firstInvalidUtf8(cut)).toBe(2)
    expect(firstInvalidUtf8(cut, 0, cut.length, true)).toBe(-1)
  })

  it('finds the last character boundary of a buffer', () => {
    const bytes = utf8('a中😀')
    expect(completeUtf8Length(bytes)).toBe(bytes.length)
    for (let end = 0; end <= bytes.length; end++) {
      const boundary = completeUtf8Length(bytes.subarray(0, end))
      expect([0, 1, 4, 8]).toContain(boundary)
      expect(boundary).toBeLessThanOrEqual(end)
    }
  })
})

describe('detectEncoding', () => {
  it('reads a BOM first: UTF-8, UTF-16 LE, UTF-16 BE, GB18030', () => {
    expect(detectEncoding(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(CHINESE)]), true)).toEqual({
      encoding: 'utf-8',
      source: 'bom',
      bomLength: 3
    })
    expect(detectEncoding(iconv.encode(CHINESE, 'utf-16le', { addBOM: true }), true)).toMatchObject({
      encoding: 'utf-16le',
      source: 'bom',
      bomLength: 2
    })
    expect(detectEncoding(iconv.encode(CHINESE, 'utf-16be', { addBOM: true }), true)).toMatchObject({
      encoding: 'utf-16be',
      source: 'bom',
      bomLength: 2
    })
    expect(detectEncoding(iconv.encode('\ufeff' + CHINESE, 'gb18030'), true)).toMatchObject({
      encoding: 'gb18030',
      source: 'bom',
      bomLength: 4
    })
  })

  it('detects UTF-8 without a BOM, even when the sample cuts a character', () => {
    expect(detectEncoding(utf8(CHINESE), true)).toEqual({
      encoding: 'utf-8',
      source: 'detected',
      bomLength: 0
    })
    const bytes = utf8(CHINESE)
    const cut = bytes.indexOf(utf8('满')) + 1
    expect(detectEncoding(bytes.subarray(0, cut), false).encoding).toBe('utf-8')
  })

  it('detects GB18030 (GBK) Chinese text that is not valid UTF-8', () => {
    const gbk = iconv.encode(CHINESE, 'gbk')
    expect(detectEncoding(gbk, true)).toEqual({ encoding: 'gb18030', source: 'detected', bomLength: 0 })
    // Characters outside GBK need GB18030's four-byte forms.
    expect(detectEncoding(iconv.encode('名字,表情\n张三,😀𠀀\n', 'gb18030'), true).encoding).toBe('gb18030')
  })

  it('detects UTF-16 without a BOM from its NUL pattern', () => {
    expect(detectEncoding(iconv.encode(CHINESE, 'utf-16le'), true)).toMatchObject({
      encoding: 'utf-16le',
      source: 'detected',
      bomLength: 0
    })
    expect(detectEncoding(iconv.encode(CHINESE, 'utf-16be'), true)).toMatchObject({
      encoding: 'utf-16be',
      source: 'detected',
      bomLength: 0
    })
  })

  it('uses the encoding given, stripping its BOM only if it is that encoding’s', () => {
    expect(detectEncoding(utf8(CHINESE), true, 'gb18030')).toEqual({
      encoding: 'gb18030',
      source: 'given',
      bomLength: 0
    })
    expect(
      detectEncoding(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8('a')]), true, 'utf-8').bomLength
    ).toBe(3)
    expect(
      detectEncoding(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8('a')]), true, 'gb18030').bomLength
    ).toBe(0)
  })

  it('refuses binary data with NUL bytes or many control bytes', () => {
    expect(
      problem(Buffer.from([0x61, 0x2c, 0x62, 0x0a, 0x00, 0x01, 0x02, 0x61, 0x62, 0x63, 0x00])).reason
    ).toContain('binary data')
    expect(
      problem(Buffer.from(Array.from({ length: 400 }, (_, i) => (i % 7 === 0 ? 0x03 : 0x41)))).reason
    ).toContain('binary data')
  })

  it('refuses a sample that mixes UTF-8 and GBK lines, naming both lines', () => {
    const mixed = Buffer.concat([
      utf8('id,text\n1,退款一直没有到账\n'),
      iconv.encode('2,物流太慢了已经等了一周\n', 'gbk')
    ])
    const e = problem(mixed)
    expect(e.reason).toMatch(/line 2 is UTF-8 but line 3 is not/)
    expect(e.line).toBe(3)
  })

  it('refuses bytes that are neither UTF-8 nor GB18030, naming the line', () => {
    const e = problem(Buffer.concat([utf8('a,b\n1,2\n'), Buffer.from([0x33, 0xff, 0xff, 0x0a])]))
    expect(e.reason).toContain('not valid UTF-8, and the file is not GB18030')
    expect(e.line).toBe(3)
  })

  it('refuses UTF-32', () => {
    expect(problem(Buffer.from([0xff, 0xfe, 0, 0, 0x61, 0, 0, 0])).reason).toContain('UTF-32')
  })
})

describe('decodeText', () => {
  const cases: Array<[string, Buffer, TextEncoding]> = [
    ['UTF-8', utf8(CHINESE + '😀'), { encoding: 'utf-8', source: 'detected', bomLength: 0 }],
    [
      'UTF-8 with BOM',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(CHINESE)]),
      { encoding: 'utf-8', source: 'bom', bomLength: 3 }
    ],
    [
      'UTF-16 LE',
      iconv.encode(CHINESE + '😀', 'utf-16le', { addBOM: true }),
      { encoding: 'utf-16le', source: 'bom', bomLength: 2 }
    ],
    [
      'UTF-16 BE',
      iconv.encode(CHINESE + '😀', 'utf-16be', { addBOM: true }),
      { encoding: 'utf-16be', source: 'bom', bomLength: 2 }
    ],
    [
      'GB18030',
      iconv.encode(CHINESE + '😀', 'gb18030'),
      { encoding: 'gb18030', source: 'detected', bomLength: 0 }
    ]
  ]

  it.each(cases)(
    'decodes %s whole however the bytes are split (BOM stripped)',
    async (_name, bytes, encoding) => {
      const expected = CHINESE + (encoding.bomLength === 3 ? '' : '😀')
      for (const pieces of splits(bytes)) {
        const { text, fault } = await decodePieces(pieces, encoding)
        expect(fault).toBeNull()
        expect(text).toBe(expected)
      }
    }
  )

  it('stops at bytes that are not UTF-8, after yielding the text before them', async () => {
    const bytes = Buffer.concat([utf8('a,b\n中文,2\n'), iconv.encode('物流', 'gbk'), utf8('\n')])
    const { text, fault } = await decodePieces([bytes], {
      encoding: 'utf-8',
      source: 'detected',
      bomLength: 0
    })
    expect(text).toBe('a,b\n中文,2\n')
    expect(fault?.kind).toBe('invalid')
  })

  it('stops at bytes that are not GB18030', async () => {
    const bytes = Buffer.concat([iconv.encode('名字\n张三\n', 'gb18030'), Buffer.from([0x41, 0xff, 0x42])])
    const { text, fault } = await decodePieces([bytes], {
      encoding: 'gb18030',
      source: 'detected',
      bomLength: 0
    })
    expect(text).toBe('名字\n张三\nA')
    expect(fault?.kind).toBe('invalid')
  })

  it('stops at NUL bytes and at a character cut by the end of the file', async () => {
    const nul = await decodePieces([utf8('ok\nbin'), Buffer.from([0, 1, 2])], {
      encoding: 'utf-8',
      source: 'detected',
      bomLength: 0
    })
    expect(nul).toMatchObject({ text: 'ok\nbin', fault: { kind: 'nul' } })
    const cut = await decodePieces([utf8('ab中').subarray(0, 4)], {
      encoding: 'utf-8',
      source: 'detected',
      bomLength: 0
    })
    expect(cut).toMatchObject({ text: 'ab', fault: { kind: 'truncated' } })
  })
})
