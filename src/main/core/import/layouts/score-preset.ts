import type { ColumnEvidence } from './column-evidence'
import { headerMatcher } from './header-matcher'
import type { LayoutPreset } from './layout-types'
import { looksLikeQuestion } from './normalize-header'

/**
 * How well a file's headers fit a vendor preset's signature (0..1), or null when they do not:
 * every `all` header present, at least `minAny` of `any`, the `first` column, enough question-like
 * headers. The score grows with the share of `any` headers present and of columns the preset
 * knows (mapped, ignored or part of the signature).
 */
export function scorePreset(preset: LayoutPreset, columns: readonly ColumnEvidence[]): number | null {
  if (preset.match === 'roles') return null
  const { signature } = preset
  const headers = columns.map((c) => c.normalized)
  const present = (spec: string): boolean => headers.some(headerMatcher(spec))
  if (signature.first !== undefined && !(headers.length > 0 && headerMatcher(signature.first)(headers[0]!)))
    return null
  if (!signature.all.every(present)) return null
  const any = signature.any ?? []
  const anyHits = any.filter(present).length
  if (any.length > 0 && anyHits < (signature.minAny ?? 1)) return null
  const questions = columns.filter((c) => looksLikeQuestion(c.header)).length
  if (questions < (signature.minQuestions ?? 0)) return null

  const specs = [
    ...signature.all,
    ...any,
    ...(signature.first === undefined ? [] : [signature.first]),
    ...preset.columns.map((c) => c.header),
    ...(preset.ignore ?? [])
  ].map(headerMatcher)
  const known = headers.filter((h) => specs.some((m) => m(h))).length
  const coverage = headers.length === 0 ? 0 : known / headers.length
  const anyShare = any.length === 0 ? 1 : anyHits / any.length
  // A tiny bonus per signature header so that the more specific of two fitting presets wins.
  return Math.min(1, 0.6 + 0.25 * anyShare + 0.15 * coverage + 0.001 * signature.all.length)
}
