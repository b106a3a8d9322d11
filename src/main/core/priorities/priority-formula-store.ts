import type { PriorityFormula } from '@shared/domain/priorities'
import { DEFAULT_PRIORITY_FORMULA, PriorityFormulaSchema } from '@shared/domain/priorities'
import { prepared } from '../store/repositories/statements'
import type { Db } from '../store/sqlite'

/** The settings key the formula is kept under, beside the analysis settings. */
const KEY = 'priorityFormula'

/** The workspace's priority formula; the default when none was saved or the saved one no longer reads. */
export function readPriorityFormula(db: Db): PriorityFormula {
  const raw = prepared(db, 'SELECT value_json FROM settings WHERE key = ?').pluck().get(KEY) as
    string | undefined
  if (raw === undefined) return DEFAULT_PRIORITY_FORMULA
  try {
    const parsed = PriorityFormulaSchema.safeParse(JSON.parse(raw))
    return parsed.success ? parsed.data : DEFAULT_PRIORITY_FORMULA
  } catch {
    return DEFAULT_PRIORITY_FORMULA
  }
}

/** Saves a (validated) formula. */
export function writePriorityFormula(db: Db, formula: PriorityFormula, now: number): void {
  prepared(
    db,
    'INSERT INTO settings (key, value_json, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at'
  ).run(KEY, JSON.stringify(PriorityFormulaSchema.parse(formula)), now)
}
