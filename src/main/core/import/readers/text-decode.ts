import iconv from 'iconv-lite'
import type { SourceEncoding } from '@shared/domain/import'
import type { TextEncoding } from './encoding-detect'
import { completeGb18030Length, firstBadReplacement } from './gb18030'
import { completeUtf8Length, firstInvalidUtf8 } from './utf8-validate'

/**
 * Decoding stopped at bad bytes. Everything before them has been yielded, so the reader that
 * consumed the text knows the line they are on.
 */
export class TextDecodeFault extends Error {
  constructor(
    readonly kind: 'invalid' | 'nul' | 'truncated',
    readonly encoding: SourceEncoding,
    readonly encodingSource: TextEncoding['source']
  ) {
    super(`${kind} ${encoding} text`)
    this.name = 'TextDecodeFault'
  }
}

/** A plain-language reason for a decode fault, for the line it happened on. */
export function decodeFaultReason(fault: TextDecodeFault): string {
  if (fault.kind === 'nul') {
    return 'this line contains binary data (NUL bytes) — this part of the file is not text'
  }
  if (fault.kind === 'truncated') return 'the file ends in the middle of a character — it may be truncated'
  if (fault.encoding === 'utf-8') {
    return fault.encodingSource === 'given'
      ? 'this line is not valid UTF-8 — choose the file’s real encoding (GB18030 for Chinese Windows exports)'
      : 'this line is not valid UTF-8 although the lines before it are — the file may mix two encodings (such as UTF-8 and GBK); save it again in one encoding'
  }
  return `this line is not valid ${label(fault.encoding)} text — the file may be damaged or in another encoding`
}

/** The encoding's name as users know it. */
export function label(encoding: SourceEncoding): string {
  switch (encoding) {
    case 'utf-8':
      return 'UTF-8'
    case 'utf-16le':
      return 'UTF-16 LE'
    case 'utf-16be':
      return 'UTF-16 BE'
    case 'gb18030':
      return 'GB18030'
  }
}

/** Decodes a sample for sniffing (never throws; a character cut at the end is dropped). */
export function decodeSample(sample: Uint8Array, encoding: TextEncoding): string {
  const body = Buffer.from(sample.buffer, sample.byteOffset, sample.byteLength).subarray(encoding.bomLength)
  switch (encoding.encoding) {
    case 'utf-8':
      return new TextDecoder('utf-8', { ignoreBOM: true }).decode(body.subarray(0, completeUtf8Length(body)))
    case 'utf-16le':
      return new TextDecoder('utf-16le', { ignoreBOM: true }).decode(body, { stream: true })
    case 'utf-16be':
    case 'gb18030':
      return iconv.getDecoder(encoding.encoding, { stripBOM: false }).write(body)
  }
}

/** A streaming decoder for one encoding: bytes in, text out; throws {@link TextDecodeFault}. */
interface ChunkDecoder {
  write(bytes: Buffer): string
  end(): string
}

/** UTF-8, strict: a chunk is cut at its last complete character and the rest carried over. */
function utf8Decoder(source: TextEncoding['source']): ChunkDecoder {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })
  let carry: Buffer | null = null
  return {
    write(chunk: Buffer): string {
      const bytes = carry === null ? chunk : Buffer.concat([carry, chunk])
      const cut = completeUtf8Length(bytes)
      carry = cut < bytes.length ? Buffer.from(bytes.subarray(cut)) : null
      const body = bytes.subarray(0, cut)
      try {
        return decoder.decode(body)
      } catch {
        const bad = firstInvalidUtf8(body)
        throw new PartialDecode(
          decoder.decode(body.subarray(0, Math.max(0, bad))),
          new TextDecodeFault('invalid', 'utf-8', source)
        )
      }
    },
    end(): string {
      if (carry !== null) throw new PartialDecode('', new TextDecodeFault('truncated', 'utf-8', source))
      return ''
    }
  }
}

/** UTF-16 LE (always built into Node); lone surrogates become U+FFFD, which is not an error. */
function utf16leDecoder(): ChunkDecoder {
  const decoder = new TextDecoder('utf-16le', { ignoreBOM: true })
  return {
    write: (chunk) => decoder.decode(chunk, { stream: true }),
    end: () => decoder.decode()
  }
}

/** UTF-16 BE through iconv-lite (independent of the ICU data a Node build ships). */
function utf16beDecoder(): ChunkDecoder {
  const decoder = iconv.getDecoder('utf-16be', { stripBOM: false })
  return {
    write: (chunk) => decoder.write(chunk),
    end: () => decoder.end() ?? ''
  }
}

/**
 * GB18030 through iconv-lite, strict. iconv-lite loses a four-byte sequence split between two
 * writes ("a😀b" cut after its third byte decodes as "a😀"), so chunks are cut at character
 * boundaries here and the rest carried over. iconv-lite turns bytes that are not GB18030 into
 * U+FFFD: decoding stops there instead of importing them.
 */
function gb18030Decoder(source: TextEncoding['source']): ChunkDecoder {
  const decoder = iconv.getDecoder('gb18030', { stripBOM: false })
  let carry: Buffer | null = null
  const check = (text: string, bytes: Buffer, kind: TextDecodeFault['kind']): string => {
    const bad = firstBadReplacement(text, bytes)
    if (bad === -1) return text
    throw new PartialDecode(text.slice(0, bad), new TextDecodeFault(kind, 'gb18030', source))
  }
  return {
    write(chunk: Buffer): string {
      const bytes = carry === null ? chunk : Buffer.concat([carry, chunk])
      const cut = completeGb18030Length(bytes)
      carry = cut < bytes.length ? Buffer.from(bytes.subarray(cut)) : null
      const body = bytes.subarray(0, cut)
      return check(decoder.write(body), body, 'invalid')
    },
    end(): string {
      const rest = carry ?? Buffer.alloc(0)
      carry = null
      return check(decoder.write(rest) + (decoder.end() ?? ''), rest, 'truncated')
    }
  }
}

/** Text decoded before the bad bytes, and the fault to raise once it has been consumed. */
class PartialDecode extends Error {
  constructor(
    readonly text: string,
    readonly fault: TextDecodeFault
  ) {
    super(fault.message)
  }
}

/**
 * Decodes a byte stream to text chunks, skipping the BOM. On bad bytes it first yields the text
 * before them, then throws {@link TextDecodeFault}; text containing NUL is refused the same way.
 */
export async function* decodeText(
  bytes: AsyncIterable<Buffer>,
  encoding: TextEncoding
): AsyncGenerator<string> {
  const decoder =
    encoding.encoding === 'utf-8'
      ? utf8Decoder(encoding.source)
      : encoding.encoding === 'utf-16le'
        ? utf16leDecoder()
        : encoding.encoding === 'utf-16be'
          ? utf16beDecoder()
          : gb18030Decoder(encoding.source)
  let skip = encoding.bomLength
  const checked = (text: string): string => {
    const nul = text.indexOf('\0')
    if (nul === -1) return text
    throw new PartialDecode(
      text.slice(0, nul),
      new TextDecodeFault('nul', encoding.encoding, encoding.source)
    )
  }
  try {
    for await (let chunk of bytes) {
      if (skip > 0) {
        const dropped = Math.min(skip, chunk.length)
        chunk = chunk.subarray(dropped)
        skip -= dropped
      }
      if (chunk.length === 0) continue
      const text = checked(decoder.write(chunk))
      if (text.length > 0) yield text
    }
    const tail = checked(decoder.end())
    if (tail.length > 0) yield tail
  } catch (error) {
    if (!(error instanceof PartialDecode)) throw error
    const text = error.text
    if (text.indexOf('\0') !== -1) {
      yield text.slice(0, text.indexOf('\0'))
      throw new TextDecodeFault('nul', encoding.encoding, encoding.source)
    }
    if (text.length > 0) yield text
    throw error.fault
  }
}
