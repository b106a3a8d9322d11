import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  contingency,
  hungarianMax,
  scoreClusters
} from '../../../src/main/core/themes/scoring/cluster-scores'

interface FixtureCase {
  name: string
  n: number
  k: number
  classes: number
  nmi: number
  ari: number
  accuracy: number
  predicted: (number | string)[]
  truth: (number | string)[]
}

const FIXTURE = resolve(import.meta.dirname, '../../fixtures/themes/cluster-scores.json')
const { cases } = JSON.parse(readFileSync(FIXTURE, 'utf8')) as { cases: FixtureCase[] }

const total = (weights: number[][], assignment: number[]): number =>
  assignment.reduce((sum, c, r) => (c >= 0 ? sum + weights[r]![c]! : sum), 0)

/** Largest-weight-first assignment of min(rows, cols) pairs: the baseline the Hungarian must not lose to. */
function greedy(weights: number[][]): number[] {
  const rows = weights.length
  const cols = weights[0]?.length ?? 0
  const cells = weights.flatMap((row, r) => row.map((w, c) => ({ w, r, c }))).sort((a, b) => b.w - a.w)
  const result = new Array<number>(rows).fill(-1)
  const taken = new Set<number>()
  for (const { r, c } of cells) {
    if (result[r] !== -1 || taken.has(c)) continue
    result[r] = c
    taken.add(c)
    if (taken.size === Math.min(rows, cols)) break
  }
  return result
}

/** Best total over every matching of min(rows, cols) pairs, by enumeration. */
function bruteForce(weights: number[][]): number {
  const rows = weights.length
  const cols = weights[0]?.length ?? 0
  const pairs = Math.min(rows, cols)
  const usedCols = new Array<boolean>(cols).fill(false)
  const search = (r: number, matched: number): number => {
    // Rows left cannot all be skipped if the matching would then fall short of min(rows, cols).
    if (matched === pairs) return 0
    if (rows - r < pairs - matched) return -Infinity
    let best = search(r + 1, matched)
    for (let c = 0; c < cols; c++) {
      if (usedCols[c]) continue
      usedCols[c] = true
      best = Math.max(best, weights[r]![c]! + search(r + 1, matched + 1))
      usedCols[c] = false
    }
    return best
  }
  return search(0, 0)
}

const expectValidAssignment = (weights: number[][], assignment: number[]): void => {
  const rows = weights.length
  const cols = weights[0]?.length ?? 0
  expect(assignment).toHaveLength(rows)
  const assigned = assignment.filter((c) => c >= 0)
  for (const c of assigned) expect(c).toBeLessThan(cols)
  expect(new Set(assigned).size).toBe(assigned.length)
  expect(assigned.length).toBe(Math.min(rows, cols))
}

const matrix = (maxRows: number, maxCols: number, weight: fc.Arbitrary<number>): fc.Arbitrary<number[][]> =>
  fc
    .tuple(fc.integer({ min: 1, max: maxRows }), fc.integer({ min: 1, max: maxCols }))
    .chain(([r, c]) =>
      fc.array(fc.array(weight, { minLength: c, maxLength: c }), { minLength: r, maxLength: r })
    )

/** Two labellings of the same items: up to 8 clusters and 6 classes, so collisions are common. */
const labellings = fc
  .integer({ min: 1, max: 120 })
  .chain((n) =>
    fc.tuple(
      fc.array(fc.integer({ min: 0, max: 7 }), { minLength: n, maxLength: n }),
      fc.array(fc.integer({ min: 0, max: 5 }), { minLength: n, maxLength: n })
    )
  )

describe('scoreClusters against scikit-learn / scipy (test/fixtures/themes/cluster-scores.json)', () => {
  it('has the cases the generator writes', () => {
    expect(cases.length).toBeGreaterThanOrEqual(12)
  })

  it.each(cases.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const s = scoreClusters(c.predicted, c.truth)
    expect({ n: s.n, k: s.k, classes: s.classes }).toEqual({ n: c.n, k: c.k, classes: c.classes })
    expect(Math.abs(s.nmi - c.nmi)).toBeLessThanOrEqual(1e-9)
    expect(Math.abs(s.ari - c.ari)).toBeLessThanOrEqual(1e-9)
    expect(Math.abs(s.accuracy - c.accuracy)).toBeLessThanOrEqual(1e-9)
  })
})

describe('scoreClusters edge cases', () => {
  it('one cluster and one class is a perfect score', () => {
    expect(scoreClusters(['a', 'a', 'a'], [7, 7, 7])).toEqual({
      n: 3,
      k: 1,
      classes: 1,
      nmi: 1,
      ari: 1,
      accuracy: 1
    })
  })

  it('a single item is a perfect score', () => {
    expect(scoreClusters([4], [9])).toMatchObject({ nmi: 1, ari: 1, accuracy: 1 })
  })

  it('one cluster over several classes: NMI and ARI 0, accuracy the largest class share', () => {
    expect(scoreClusters([0, 0, 0, 0], [1, 1, 1, 2])).toMatchObject({ nmi: 0, ari: 0, accuracy: 0.75 })
  })

  it('singletons over one class: NMI and ARI 0, accuracy 1/n', () => {
    expect(scoreClusters([0, 1, 2, 3], [5, 5, 5, 5])).toMatchObject({ nmi: 0, ari: 0, accuracy: 0.25 })
  })

  it('an empty labelling scores as sklearn scores it (1.0), accuracy included', () => {
    expect(scoreClusters([], [])).toEqual({ n: 0, k: 0, classes: 0, nmi: 1, ari: 1, accuracy: 1 })
  })

  it('a number label and the same digits as a string are different labels', () => {
    expect(scoreClusters([1, '1'], [0, 0]).k).toBe(2)
  })

  it('throws on a length mismatch, naming both lengths', () => {
    expect(() => scoreClusters([1, 2, 3], [1, 2])).toThrow(/3.*2/)
  })

  it('accepts typed arrays', () => {
    const s = scoreClusters(Int32Array.from([0, 0, 1, 1]), Float64Array.from([3, 3, 4, 4]))
    expect(s).toMatchObject({ nmi: 1, ari: 1, accuracy: 1 })
  })

  it('contingency counts clusters as rows and classes as columns, in order of first appearance', () => {
    expect(contingency(['x', 'y', 'x', 'x'], [1, 1, 2, 1])).toEqual({
      n: 4,
      counts: [
        [2, 1],
        [1, 0]
      ],
      clusterSizes: [3, 1],
      classSizes: [3, 1]
    })
  })
})

describe('scoreClusters properties', () => {
  it('never NaN, and each score in its range', () => {
    fc.assert(
      fc.property(labellings, ([p, t]) => {
        const s = scoreClusters(p, t)
        for (const v of [s.nmi, s.ari, s.accuracy]) expect(Number.isFinite(v)).toBe(true)
        expect(s.nmi).toBeGreaterThanOrEqual(0)
        expect(s.nmi).toBeLessThanOrEqual(1)
        expect(s.ari).toBeGreaterThanOrEqual(-1)
        expect(s.ari).toBeLessThanOrEqual(1)
        expect(s.accuracy).toBeGreaterThan(0)
        expect(s.accuracy).toBeLessThanOrEqual(1)
      })
    )
  })

  it('is invariant under relabelling the clusters', () => {
    fc.assert(
      fc.property(labellings, fc.array(fc.string(), { minLength: 8, maxLength: 8 }), ([p, t], names) => {
        // Distinct new names for the 8 possible cluster ids: a permutation into strings.
        const unique = names.map((name, i) => `${i}:${name}`).reverse()
        const relabelled = p.map((id) => unique[id]!)
        const a = scoreClusters(p, t)
        const b = scoreClusters(relabelled, t)
        expect(b.k).toBe(a.k)
        expect(b.nmi).toBeCloseTo(a.nmi, 12)
        expect(b.ari).toBeCloseTo(a.ari, 12)
        expect(b.accuracy).toBe(a.accuracy)
      })
    )
  })

  it('is symmetric in NMI and ARI', () => {
    fc.assert(
      fc.property(labellings, ([p, t]) => {
        const a = scoreClusters(p, t)
        const b = scoreClusters(t, p)
        expect(b.nmi).toBeCloseTo(a.nmi, 12)
        expect(b.ari).toBeCloseTo(a.ari, 12)
        expect(b.accuracy).toBe(a.accuracy)
      })
    )
  })

  it('accuracy lies between the largest cell share and the purity of either side', () => {
    fc.assert(
      fc.property(labellings, ([p, t]) => {
        const { n, counts, classSizes } = contingency(p, t)
        const { accuracy } = scoreClusters(p, t)
        const maxCell = Math.max(...counts.flat())
        // Each cluster counted for its majority class (purity) or each class for its majority cluster.
        const purity = counts.reduce((sum, row) => sum + Math.max(...row), 0)
        const inversePurity = classSizes.reduce(
          (sum, _, b) => sum + Math.max(...counts.map((row) => row[b]!)),
          0
        )
        expect(accuracy).toBeGreaterThanOrEqual(maxCell / n)
        expect(accuracy).toBeLessThanOrEqual(Math.min(purity, inversePurity) / n + 1e-12)
        // With one cluster the bounds meet at the largest class share.
        if (counts.length === 1) expect(accuracy).toBe(Math.max(...classSizes) / n)
      })
    )
  })

  it('a permutation of the true labels scores 1 everywhere', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength: 80 }), (t) => {
        const p = t.map((x) => (x * 7 + 3) % 10)
        expect(scoreClusters(p, t)).toMatchObject({ nmi: 1, ari: 1, accuracy: 1 })
      })
    )
  })
})

describe('hungarianMax', () => {
  it('solves a known 3×3 problem', () => {
    const w = [
      [7, 5, 11],
      [5, 4, 1],
      [9, 3, 2]
    ]
    expect(hungarianMax(w)).toEqual([2, 1, 0])
  })

  it('leaves rows unassigned only when there are more rows than columns', () => {
    expect(hungarianMax([[1], [5], [3]])).toEqual([-1, 0, -1])
    expect(hungarianMax([[1, 5, 3]])).toEqual([1])
    expect(hungarianMax([])).toEqual([])
    expect(hungarianMax([[], []])).toEqual([-1, -1])
  })

  it('rejects ragged and non-finite matrices', () => {
    expect(() => hungarianMax([[1, 2], [3]])).toThrow(/ragged/)
    expect(() => hungarianMax([[1, Number.NaN]])).toThrow(/non-finite/)
    expect(() => hungarianMax([[1, Infinity]])).toThrow(/non-finite/)
  })

  it('is a valid one-to-one assignment at least as good as greedy', () => {
    fc.assert(
      fc.property(matrix(12, 12, fc.integer({ min: -50, max: 100 })), (w) => {
        const a = hungarianMax(w)
        expectValidAssignment(w, a)
        expect(total(w, a)).toBeGreaterThanOrEqual(total(w, greedy(w)))
      })
    )
  })

  it('equals brute force on integer matrices up to 6×6', () => {
    fc.assert(
      fc.property(matrix(6, 6, fc.integer({ min: -20, max: 20 })), (w) => {
        const a = hungarianMax(w)
        expectValidAssignment(w, a)
        expect(total(w, a)).toBe(bruteForce(w))
      }),
      { numRuns: 300 }
    )
  })

  it('equals brute force on real-valued matrices up to 6×6', () => {
    const weight = fc.double({ min: -1e3, max: 1e3, noNaN: true, noDefaultInfinity: true })
    fc.assert(
      fc.property(matrix(6, 6, weight), (w) => {
        const a = hungarianMax(w)
        expectValidAssignment(w, a)
        expect(total(w, a)).toBeCloseTo(bruteForce(w), 6)
      }),
      { numRuns: 300 }
    )
  })

  it('handles 200×100 and 100×200 at once, and a 3000×80 singleton-style table quickly', () => {
    const random = (rows: number, cols: number, seed: number): number[][] => {
      let s = seed
      const next = (): number => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648) * 100
      return Array.from({ length: rows }, () => Array.from({ length: cols }, next))
    }
    for (const [rows, cols] of [
      [200, 100],
      [100, 200],
      [3000, 80]
    ] as const) {
      const w = random(rows, cols, rows + cols)
      const started = performance.now()
      const a = hungarianMax(w)
      const elapsed = performance.now() - started
      expectValidAssignment(w, a)
      expect(total(w, a)).toBeGreaterThanOrEqual(total(w, greedy(w)))
      expect(elapsed).toBeLessThan(2000)
    }
  })
})
