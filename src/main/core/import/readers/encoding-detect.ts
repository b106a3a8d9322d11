import iconv from 'iconv-lite'
import type { ReadOptions, SourceEncoding } from '@shared/domain/import'
import type { ByteSource } from './byte-source'
import { firstBadReplacement } from './gb18030'
import { binaryContainerReason, sniffMagic } from './sniff'
import { readError } from './table-source'
import { countUtf8Cjk, firstInvalidUtf8 } from './utf8-validate'

/** The encoding a text file is decoded with, how it was decided, and the BOM to skip. */
export interface TextEncoding {
  encoding: SourceEncoding
  source: 'bom' | 'detected' | 'given'
  /** Bytes of byte-order mark at the start of the file (skipped, never part of a cell). */
  bomLength: number
}

/** The sample cannot be text in any encoding Loopbench reads; `line` is 1-based, in the sample. */
export class TextSampleProblem extends Error {
  constructor(
    readonly reason: string,
    readonly line: number | null
  ) {
    super(reason)
    this.name = 'TextSampleProblem'
  }
}

/** Byte-order marks, longest first (the GB18030 one is U+FEFF encoded in GB18030). */
const BOMS: Array<{ bytes: number[]; encoding: SourceEncoding }> = [
  { bytes: [0x84, 0x31, 0x95, 0x33], encoding: 'gb18030' },
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be' }
]

/** The BOM at the start of `bytes`, if any. */
function findBom(bytes: Uint8Array): { encoding: SourceEncoding; length: number } | null {
  for (const bom of BOMS) {
    if (bom.bytes.every((byte, i) => bytes[i] === byte))
      return { encoding: bom.encoding, length: bom.bytes.length }
  }
  return null
}

/**
 * Decides how a text file is decoded from its first bytes: the encoding the user gave, else the
 * BOM, else UTF-16 recognised by its NUL pattern, else UTF-8 if the sample is valid UTF-8, else
 * GB18030 (a superset of GBK) if the sample is valid GB18030. `complete` says the sample is the
 * whole file (otherwise a character cut at its end is fine). Throws {@link TextSampleProblem} for
 * binary data, for a sample that mixes UTF-8 with another encoding, and for text that is neither.
 */
export function detectEncoding(sample: Uint8Array, complete: boolean, given?: SourceEncoding): TextEncoding {
  if (sample.length >= 4 && sample[0] === 0xff && sample[1] === 0xfe && sample[2] === 0 && sample[3] === 0) {
    throw new TextSampleProblem(
      'this file is UTF-32 text, which Loopbench does not read — save it as UTF-8',
      null
    )
  }
  const bom = findBom(sample)
  if (given !== undefined) {
    const bomLength = bom !== null && bom.encoding === given ? bom.length : 0
    if (given === 'utf-8' || given === 'gb18030') checkNotBinary(sample)
    return { encoding: given, source: 'given', bomLength }
  }
  if (bom !== null) return { encoding: bom.encoding, source: 'bom', bomLength: bom.length }

  const utf16 = utf16ByNulPattern(sample)
  if (utf16 !== null) return { encoding: utf16, source: 'detected', bomLength: 0 }
  checkNotBinary(sample)

  const badUtf8 = firstInvalidUtf8(sample, 0, sample.length, !complete)
  if (badUtf8 === -1) return { encoding: 'utf-8', source: 'detected', bomLength: 0 }

  checkNotMixed(sample, badUtf8)
  const badGb = firstInvalidGb18030(sample, complete)
  if (badGb !== -1) {
    throw new TextSampleProblem(
      'this line is not valid UTF-8, and the file is not GB18030 (GBK) either — if you know its encoding, choose it; otherwise save the file again as UTF-8',
      lineAt(sample, badUtf8)
    )
  }
  return { encoding: 'gb18030', source: 'detected', bomLength: 0 }
}

/**
 * Decides how a text file is decoded (see {@link detectEncoding}); refuses binary containers
 * (a workbook saved as .csv) with a message that says what the file really is.
 */
export function encodingFor(
  bytes: ByteSource,
  displayName: string,
  format: 'csv' | 'tsv' | 'json' | 'ndjson',
  options: ReadOptions
): TextEncoding {
  const magic = sniffMagic(bytes.sample)
  if (magic !== null) {
    throw readError(displayName, null, binaryContainerReason(magic, format))
  }
  try {
    return detectEncoding(bytes.sample, bytes.sample.length === bytes.size, options.encoding)
  } catch (error) {
    if (error instanceof TextSampleProblem) throw readError(displayName, error.line, error.reason)
    throw error
  }
}

/** 1-based line of a byte offset in ASCII-compatible text (LF, CRLF or CR line ends). */
export function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1
  for (let i = 0; i < offset; i++) {
    const byte = bytes[i]
    if (byte === 0x0a) line++
    else if (byte === 0x0d && bytes[i + 1] !== 0x0a) line++
  }
  return line
}

/**
 * UTF-16 without a BOM: ASCII characters (delimiters, digits, line ends) have a zero high byte,
 * so NULs fall on one byte parity only. Text in any other encoding has no NULs at all.
 */
function utf16ByNulPattern(sample: Uint8Array): SourceEncoding | null {
  const length = Math.min(sample.length, 65536) & ~1
  let even = 0
  let odd = 0
  for (let i = 0; i < length; i++) {
    if (sample[i] === 0) {
      if (i & 1) odd++
      else even++
    }
  }
  const units = length / 2
  // ASCII (delimiters, digits, line ends) puts NULs on one parity; on the other parity only rare
  // characters like 一 (U+4E00) do. Enough NULs are needed that stray bytes in binary data do not
  // qualify, and binary data has NULs on both parities.
  const few = Math.max(2, units * 0.05)
  const many = Math.max(4, units * 0.1)
  if (odd >= many && even <= few && even < odd) return 'utf-16le'
  if (even >= many && odd <= few && odd < even) return 'utf-16be'
  return null
}

/** Control bytes that text files do contain: tab, LF, VT, FF, CR, SUB (old DOS end mark), ESC. */
function isTextControl(byte: number): boolean {
  return (
    byte === 0x09 ||
    byte === 0x0a ||
    byte === 0x0b ||
    byte === 0x0c ||
    byte === 0x0d ||
    byte === 0x1a ||
    byte === 0x1b
  )
}

/** Throws for data that is not text: NUL bytes, or many control bytes. */
function checkNotBinary(sample: Uint8Array): void {
  let controls = 0
  for (let i = 0; i < sample.length; i++) {
    const byte = sample[i] as number
    if (byte >= 0x20) continue
    if (byte === 0) {
      throw new TextSampleProblem(
        'this file contains binary data, not text (it may be a spreadsheet, an archive or damaged) — export it as CSV or XLSX',
        lineAt(sample, i)
      )
    }
    if (!isTextControl(byte)) controls++
  }
  if (controls > Math.max(8, sample.length / 200)) {
    throw new TextSampleProblem(
      'this file contains binary data, not text (it may be a spreadsheet, an archive or damaged) — export it as CSV or XLSX',
      null
    )
  }
}

/**
 * A sample with both invalid UTF-8 and whole lines of valid UTF-8 Chinese is two files' worth of
 * text in two encodings (typically exports concatenated). Decoding it as GB18030 would garble the
 * UTF-8 part without a trace, so it is refused. Four UTF-8 ideographs on one valid line are
 * practically never GBK bytes by chance.
 */
function checkNotMixed(sample: Uint8Array, firstBad: number): void {
  let lineStart = 0
  let utf8Line = 0
  let line = 1
  for (let i = 0; i <= sample.length; i++) {
    if (i < sample.length && sample[i] !== 0x0a) continue
    if (
      utf8Line === 0 &&
      firstInvalidUtf8(sample, lineStart, i, i === sample.length) === -1 &&
      countUtf8Cjk(sample, lineStart, i) >= 4
    ) {
      utf8Line = line
    }
    lineStart = i + 1
    line++
  }
  if (utf8Line !== 0) {
    const badLine = lineAt(sample, firstBad)
    throw new TextSampleProblem(
      `the file mixes two text encodings: line ${utf8Line} is UTF-8 but line ${badLine} is not (GBK?) — save the file again in one encoding`,
      badLine
    )
  }
}

/** -1 when the sample is valid GB18030, else the index of a bad character in its text. */
function firstInvalidGb18030(sample: Uint8Array, complete: boolean): number {
  const bytes = Buffer.from(sample.buffer, sample.byteOffset, sample.byteLength)
  const decoder = iconv.getDecoder('gb18030')
  const text = decoder.write(bytes) + (complete ? (decoder.end() ?? '') : '')
  return firstBadReplacement(text, bytes)
}
