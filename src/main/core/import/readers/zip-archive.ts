import { Readable } from 'node:stream'
import { createInflateRaw } from 'node:zlib'
import type { ByteSource } from './byte-source'

/** One file inside a ZIP archive, as its central directory describes it. */
export interface ZipEntry {
  name: string
  method: number
  flags: number
  compressedSize: number
  uncompressedSize: number
  localHeaderOffset: number
}

/** The archive cannot be read; `reason` is for a person. */
export class ZipProblem extends Error {
  constructor(readonly reason: string) {
    super(reason)
    this.name = 'ZipProblem'
  }
}

const EOCD = 0x06054b50
const EOCD64 = 0x06064b50
const EOCD64_LOCATOR = 0x07064b50
const CENTRAL = 0x02014b50
const LOCAL = 0x04034b50
/** The central directory of a workbook is a few KB; anything near this is not a workbook. */
const MAX_DIRECTORY_BYTES = 64 * 1024 * 1024

const DAMAGED =
  'this is not an XLSX file, or it is damaged or truncated (its table of contents is missing) — open it in Excel and save it again'

/**
 * Reads the central directory at the end of the archive (so entries can be read in any order,
 * without scanning the whole file). A truncated download has no end record and fails here, fast.
 */
export async function readZipDirectory(bytes: ByteSource): Promise<Map<string, ZipEntry>> {
  const tailLength = Math.min(bytes.size, 65535 + 22)
  const tail = await bytes.read(bytes.size - tailLength, tailLength)
  let eocd = -1
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD) {
      eocd = i
      break
    }
  }
  if (eocd === -1) throw new ZipProblem(DAMAGED)
  let count = tail.readUInt16LE(eocd + 10)
  let directorySize = tail.readUInt32LE(eocd + 12)
  let directoryOffset = tail.readUInt32LE(eocd + 16)
  if (count === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) {
    // ZIP64: the real values are in the ZIP64 end record, found through its locator.
    const locator = eocd - 20
    if (locator < 0 || tail.readUInt32LE(locator) !== EOCD64_LOCATOR) throw new ZipProblem(DAMAGED)
    const record = await bytes.read(Number(tail.readBigUInt64LE(locator + 8)), 56)
    if (record.length < 56 || record.readUInt32LE(0) !== EOCD64) throw new ZipProblem(DAMAGED)
    count = Number(record.readBigUInt64LE(32))
    directorySize = Number(record.readBigUInt64LE(40))
    directoryOffset = Number(record.readBigUInt64LE(48))
  }
  if (directorySize > MAX_DIRECTORY_BYTES || directoryOffset + directorySize > bytes.size)
    throw new ZipProblem(DAMAGED)
  const directory = await bytes.read(directoryOffset, directorySize)
  const entries = new Map<string, ZipEntry>()
  let p = 0
  for (let k = 0; k < count; k++) {
    if (p + 46 > directory.length || directory.readUInt32LE(p) !== CENTRAL) throw new ZipProblem(DAMAGED)
    const flags = directory.readUInt16LE(p + 8)
    const method = directory.readUInt16LE(p + 10)
    let compressedSize = directory.readUInt32LE(p + 20)
    let uncompressedSize = directory.readUInt32LE(p + 24)
    const nameLength = directory.readUInt16LE(p + 28)
    const extraLength = directory.readUInt16LE(p + 30)
    const commentLength = directory.readUInt16LE(p + 32)
    let localHeaderOffset = directory.readUInt32LE(p + 42)
    const name = directory.toString('utf8', p + 46, p + 46 + nameLength)
    // ZIP64 extra field: 64-bit values for those the fixed fields mark as 0xFFFFFFFF, in order.
    let e = p + 46 + nameLength
    const extraEnd = e + extraLength
    while (e + 4 <= extraEnd) {
      const id = directory.readUInt16LE(e)
      const size = directory.readUInt16LE(e + 2)
      if (id === 0x0001) {
        let q = e + 4
        const next = (): number => {
          const value = Number(directory.readBigUInt64LE(q))
          q += 8
          return value
        }
        if (uncompressedSize === 0xffffffff) uncompressedSize = next()
        if (compressedSize === 0xffffffff) compressedSize = next()
        if (localHeaderOffset === 0xffffffff) localHeaderOffset = next()
      }
      e += 4 + size
    }
    entries.set(name, { name, method, flags, compressedSize, uncompressedSize, localHeaderOffset })
    p = extraEnd + commentLength
  }
  return entries
}

/**
 * The text of one entry, inflated and decoded as UTF-8 in pieces (a character split between two
 * pieces is decoded whole). Throws {@link ZipProblem} when the data is damaged.
 */
export async function* entryText(
  bytes: ByteSource,
  entry: ZipEntry
): AsyncGenerator<string, void, undefined> {
  if ((entry.flags & 1) !== 0)
    throw new ZipProblem(
      'this workbook is encrypted (password-protected) — remove the password in Excel and save it again'
    )
  if (entry.method !== 0 && entry.method !== 8) {
    throw new ZipProblem(
      `part “${entry.name}” of this workbook is compressed in a way Loopbench does not read (method ${entry.method}) — save it again in Excel`
    )
  }
  const header = await bytes.read(entry.localHeaderOffset, 30)
  if (header.length < 30 || header.readUInt32LE(0) !== LOCAL) throw new ZipProblem(DAMAGED)
  const start = entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28)
  const end = start + entry.compressedSize
  if (end > bytes.size)
    throw new ZipProblem(
      'this XLSX file is truncated (it ends in the middle of its data) — download or copy it again'
    )
  const raw = Readable.from(bytes.chunks(start, end), { objectMode: false })
  const inflated = entry.method === 8 ? raw.pipe(createInflateRaw({ chunkSize: 256 * 1024 })) : raw
  // pipe() does not forward errors: a read error must still end the iteration below.
  raw.once('error', (error) => inflated.destroy(error))
  const decoder = new TextDecoder('utf-8')
  try {
    for await (const chunk of inflated) {
      const text = decoder.decode(chunk as Buffer, { stream: true })
      if (text.length > 0) yield text
    }
    const rest = decoder.decode()
    if (rest.length > 0) yield rest
  } catch (error) {
    if (error instanceof ZipProblem) throw error
    throw new ZipProblem(
      `this XLSX file is damaged (part “${entry.name}” cannot be decompressed: ${error instanceof Error ? error.message : String(error)}) — open it in Excel and save it again`
    )
  } finally {
    raw.destroy()
    inflated.destroy()
  }
}

/** Reads a small entry (workbook index, relationships) whole; capped so a hostile file cannot balloon. */
export async function entryString(
  bytes: ByteSource,
  entry: ZipEntry,
  maxChars = 64 * 1024 * 1024
): Promise<string> {
  let text = ''
  for await (const piece of entryText(bytes, entry)) {
    text += piece
    if (text.length > maxChars)
      throw new ZipProblem(`part “${entry.name}” of this workbook is unreasonably large`)
  }
  return text
}
