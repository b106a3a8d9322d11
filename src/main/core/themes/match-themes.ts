import type { Signature } from './signatures'
import { similarity } from './signatures'

/**
 * Two signatures this similar (cosine of their centroids over words and character n-grams) are
 * the same theme. Measured on BANKING77 (test/unit/themes/match-themes.test.ts and the themes
 * integration test): a theme and the cluster that replaces it after 20% more tickets or a
 * granularity change score 0.75–0.98; two different intents score below 0.45 but for near twins.
 */
export const MATCH_THRESHOLD = 0.6

/** A cluster more than this share of whose tickets were in an edited theme stays with it. */
export const OVERLAP_MAJORITY = 0.5

/** A theme of the workspace as a re-run sees it. */
export interface ExistingTheme {
  id: number
  /** True once the user did anything to it (renamed, pinned, excluded, merged into, split off…). */
  edited: boolean
  /** The theme it was split from. */
  parentId: number | null
  signature: Signature
}

export interface ThemeMatch {
  /** Per new cluster: the existing themes that take its tickets (empty: it becomes a new theme). */
  owners: number[][]
  /** Pairs of edited themes (not parts of one split) that claimed the same cluster. */
  conflicts: Array<[number, number]>
  /** Themes nothing matched and the user never touched: they end with this run. */
  dropped: number[]
}

/**
 * Matches a re-run's clusters to the themes the workspace has, so ids, names and edits survive.
 *
 * Edited themes hold on to what they were: a cluster whose most similar theme is an edited one
 * goes to it, and so does a cluster most of whose tickets were in it (`overlap[c][j]`: the share
 * of cluster c's previously themed tickets that were in theme j) (so several clusters can go to one theme: what the user merged stays merged, and a
 * finer granularity does not undo it), and every edited theme claims the cluster most similar to
 * it (so the parts of a split each keep theirs; a cluster claimed by several themes is divided
 * between them ticket by ticket). When edited themes that are not parts of one split claim the
 * same cluster, both are kept and the conflict is reported.
 *
 * Themes nobody edited are matched one to one, most similar pairs first; a cluster left over is
 * a new theme, a theme left over is dropped. Only pairs at least MATCH_THRESHOLD similar match.
 */
export function matchThemes(
  clusters: readonly Signature[],
  themes: readonly ExistingTheme[],
  threshold = MATCH_THRESHOLD,
  overlap?: ReadonlyArray<ArrayLike<number>>
): ThemeMatch {
  const sim = clusters.map((c) => themes.map((t) => similarity(c, t.signature)))
  const owners: Array<Set<number>> = clusters.map(() => new Set<number>())

  // A cluster goes to its most similar theme when that theme is edited.
  clusters.forEach((_, c) => {
    const best = argmax(sim[c]!)
    if (best >= 0 && sim[c]![best]! >= threshold && themes[best]!.edited) owners[c]!.add(best)
  })
  // A cluster most of whose tickets were in an edited theme stays with it (a finer run's parts of
  // a theme the user edited stay in it).
  if (overlap) {
    clusters.forEach((_, c) => {
      themes.forEach((t, j) => {
        if (t.edited && (overlap[c]?.[j] ?? 0) > OVERLAP_MAJORITY) owners[c]!.add(j)
      })
    })
  }
  // Every edited theme claims its most similar cluster.
  themes.forEach((t, j) => {
    if (!t.edited) return
    const best = argmax(sim.map((row) => row[j]!))
    if (best >= 0 && sim[best]![j]! >= threshold) owners[best]!.add(j)
  })

  const conflicts: Array<[number, number]> = []
  for (const set of owners) {
    const list = [...set]
    for (let a = 0; a < list.length; a++) {
      for (let b = a + 1; b < list.length; b++) {
        const ta = themes[list[a]!]!
        const tb = themes[list[b]!]!
        if (family(ta) !== family(tb) && ta.id !== tb.id) conflicts.push([ta.id, tb.id])
      }
    }
  }

  // The others, one to one, most similar first.
  const taken = new Set<number>()
  const pairs: Array<[number, number, number]> = []
  clusters.forEach((_, c) => {
    if (owners[c]!.size > 0) return
    themes.forEach((t, j) => {
      if (!t.edited && sim[c]![j]! >= threshold) pairs.push([sim[c]![j]!, c, j])
    })
  })
  pairs.sort((a, b) => b[0] - a[0] || a[1] - b[1] || a[2] - b[2])
  for (const [, c, j] of pairs) {
    if (owners[c]!.size > 0 || taken.has(j)) continue
    owners[c]!.add(j)
    taken.add(j)
  }
  const dropped = [...new Set(themes.filter((t, j) => !t.edited && !taken.has(j)).map((t) => t.id))]
  return {
    // A theme may stand more than once (a merged theme's centroid stands for its target).
    owners: owners.map((set) => [...new Set([...set].map((j) => themes[j]!.id))].sort((a, b) => a - b)),
    conflicts,
    dropped
  }
}

/** The theme a split started from (itself when it was not split off). */
const family = (t: ExistingTheme): number => t.parentId ?? t.id

function argmax(values: readonly number[]): number {
  let best = -1
  for (let i = 0; i < values.length; i++) if (best < 0 || values[i]! > values[best]!) best = i
  return best
}
