import type { RecordKind } from '@shared/domain/field-roles'
import type { DateOrder, ImportMapping } from '@shared/domain/import'

/**
 * How a layout's header rows become one header per column:
 * - `single`: one header row.
 * - `first-row`: the first row holds the column ids; the rows below describe them (Qualtrics:
 *   question text, then `{"ImportId":…}`) and are skipped, the second kept as a description.
 * - `merged-question`: a question row whose merged cells continue rightwards over blank cells, and
 *   an answer row below (SurveyMonkey); combined as "question — answer".
 */
export type HeaderStyle = 'single' | 'first-row' | 'merged-question'

/**
 * A vendor export layout, shipped as a JSON data file under layouts/presets (not as code):
 * which headers identify it and which role each of its columns takes.
 */
export interface LayoutPreset {
  id: string
  name: string
  kind: RecordKind
  /** Source system written into every record's key (zendesk, qualtrics …). */
  sourceSystem: string
  /** Header rows of the vendor's export (SurveyMonkey 2, Qualtrics 3). */
  headerRows: number
  /** The vendor's documentation of the export format the preset follows. */
  documentation: string
  /**
   * Headers that identify the layout (normalised, case-insensitive; `/…/` for a pattern):
   * every `all` header, and at least `minAny` (default 1) of `any` when `any` is given; `first`
   * must be the first column; `minQuestions` headers must read like questions.
   */
  signature: { all: string[]; any?: string[]; minAny?: number; first?: string; minQuestions?: number }
  /** Header (or header pattern, `/…/`) → role, optional name for multiple roles. */
  columns: Array<{ header: string; role: string; name?: string }>
  dateOrder?: DateOrder | null
  csatScaleMax?: number | null
  /** How multi-row headers combine (default `single`). */
  headerStyle?: HeaderStyle
  /**
   * `signature` (default): chosen when its signature headers are present. `roles`: the generic
   * layout of its kind, chosen when no vendor layout fits; its columns are mapped by the role
   * synonyms (layouts/role-synonyms.json) and the values.
   */
  match?: 'signature' | 'roles'
  /** Vendor columns known to carry nothing the workspace stores; they stay unmapped. */
  ignore?: string[]
  /** What the preset follows and where it departs from the vendor's documentation. */
  notes?: string
}

/** What detection decided for a file. */
export interface DetectedLayout {
  kind: RecordKind
  preset: string | null
  /** 0..1 */
  confidence: number
  headerRows: number
  /** One header per column (multi-row headers combined). */
  headers: string[]
  mapping: ImportMapping
  warnings: string[]
  /**
   * Per column, the IANA zone the export itself declares for wall-clock times — Typeform's
   * "Submit Date (UTC)", Qualtrics' `{"ImportId":…,"timeZone":"America/Denver"}` — or null where
   * the import's time-zone setting applies. Values that carry an offset need neither.
   */
  columnTimeZones?: Array<string | null>
}
