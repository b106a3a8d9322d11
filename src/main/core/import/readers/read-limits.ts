/**
 * The limits every reader applies. They exist so that a damaged or mis-read file fails with a
 * clear message instead of exhausting memory, and so that memory stays flat for any file size.
 */

/**
 * Longest record (CSV/TSV record, JSON array element, NDJSON line), in characters (UTF-16 code
 * units: about 16 MB of ASCII text, 32 MB of string memory). Real rows are a few KB; a record this
 * long almost always means the delimiter is wrong or a closing quote is missing, and stopping here
 * keeps a 50 MB single-line file from exhausting memory.
 */
export const MAX_RECORD_CHARS = 16 * 1024 * 1024

/** How `MAX_RECORD_CHARS` is named in messages. */
export const MAX_RECORD_LABEL = '16 MB'

/** Bytes read from the start of a file to sniff its format, encoding and delimiter. */
export const SAMPLE_BYTES = 1024 * 1024

/**
 * Bytes read per file access while streaming (one decoded chunk of text each). Measured on a
 * 89 MB ticket CSV: CPU time is the same from 64 KB to 1 MB, peak RSS 120 MB at 256 KB against
 * 157 MB at 1 MB (a chunk is alive, twice over as UTF-16, while its rows are consumed).
 */
export const READ_CHUNK_BYTES = 256 * 1024

/** Records the delimiter sniffer looks at. */
export const SNIFF_RECORDS = 50

/** JSON/NDJSON: objects whose keys make up the header (keys first seen later are counted). */
export const HEADER_SCAN_RECORDS = 1000

/** Rows per chunk when the caller does not say. */
export const DEFAULT_CHUNK_ROWS = 1000
