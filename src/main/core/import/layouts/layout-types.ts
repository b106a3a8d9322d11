import type { RecordKind } from '@shared/domain/field-roles'
import type { DateOrder, ImportMapping } from '@shared/domain/import'

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
  /** Headers that identify the layout (normalised, case-insensitive). */
  signature: { all: string[]; any?: string[] }
  /** Header (or header pattern, `/…/i`) → role, optional name for multiple roles. */
  columns: Array<{ header: string; role: string; name?: string }>
  dateOrder?: DateOrder | null
  csatScaleMax?: number | null
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
}
