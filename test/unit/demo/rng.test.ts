import { describe, expect, it } from 'vitest'
import { Rng } from '../../../src/main/core/demo/rng'

const draw = (rng: Rng, n: number, f: (r: Rng) => number): number[] => Array.from({ length: n }, () => f(rng))
const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length
const variance = (xs: readonly number[]): number => {
  const m = mean(xs)
  return xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1)
}

describe('Rng determinism', () => {
  it('gives the same sequence for the same seed and a different one for another seed', () => {
    const a = draw(new Rng('seed-1'), 1000, (r) => r.nextUint32())
    const b = draw(new Rng('seed-1'), 1000, (r) => r.nextUint32())
    const c = draw(new Rng('seed-2'), 1000, (r) => r.nextUint32())
    expect(a).toEqual(b)
    expect(a).not.toEqual(c)
    expect(new Set(a).size).toBeGreaterThan(995)
  })

  it('keeps producing the sequence it shipped with (sfc32 seeded by cyrb128)', () => {
    // Changing these numbers changes every demo workspace; do it only on purpose.
    const rng = new Rng('loopbench')
    expect([rng.nextUint32(), rng.nextUint32(), rng.nextUint32()]).toEqual([90538671, 226105949, 2396376085])
  })

  it('forks streams that are reproducible and independent of how much the parent drew', () => {
    const parent = new Rng('root')
    const early = draw(parent.fork('tickets'), 20, (r) => r.next())
    draw(parent, 500, (r) => r.next())
    const late = draw(parent.fork('tickets'), 20, (r) => r.next())
    const other = draw(parent.fork('surveys'), 20, (r) => r.next())
    expect(late).toEqual(early)
    expect(other).not.toEqual(early)
  })
})

describe('Rng distributions', () => {
  const rng = new Rng('distributions')

  it('draws uniforms in [0, 1) with mean 1/2 and variance 1/12', () => {
    const xs = draw(rng, 50_000, (r) => r.next())
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0)
    expect(Math.max(...xs)).toBeLessThan(1)
    expect(mean(xs)).toBeCloseTo(0.5, 2)
    expect(variance(xs)).toBeCloseTo(1 / 12, 2)
  })

  it('draws integers over the whole inclusive range', () => {
    const xs = draw(rng, 20_000, (r) => r.int(3, 7))
    expect(new Set(xs)).toEqual(new Set([3, 4, 5, 6, 7]))
    for (let v = 3; v <= 7; v++) {
      const share = xs.filter((x) => x === v).length / xs.length
      expect(share).toBeGreaterThan(0.18)
      expect(share).toBeLessThan(0.22)
    }
  })

  it('draws normals with the requested mean and sd', () => {
    const xs = draw(rng, 50_000, (r) => r.normal(10, 3))
    expect(mean(xs)).toBeCloseTo(10, 1)
    expect(Math.sqrt(variance(xs))).toBeCloseTo(3, 1)
    // About 95% within two sd.
    const inside = xs.filter((x) => Math.abs(x - 10) < 6).length / xs.length
    expect(inside).toBeGreaterThan(0.945)
    expect(inside).toBeLessThan(0.955)
  })

  it('draws Poisson counts with mean and variance λ, for small and large λ', () => {
    for (const lambda of [0.4, 3, 12, 80]) {
      const xs = draw(rng, 30_000, (r) => r.poisson(lambda))
      expect(xs.every((x) => Number.isInteger(x) && x >= 0)).toBe(true)
      expect(Math.abs(mean(xs) - lambda)).toBeLessThan(0.03 * lambda + 0.02)
      expect(Math.abs(variance(xs) - lambda)).toBeLessThan(0.08 * lambda + 0.05)
    }
    expect(rng.poisson(0)).toBe(0)
  })

  it('draws binomial counts with mean np and variance np(1-p), exactly and approximately', () => {
    for (const [n, p] of [
      [20, 0.3],
      [500, 0.05],
      [150_000, 0.3]
    ] as const) {
      const xs = draw(rng, 3000, (r) => r.binomial(n, p))
      expect(xs.every((x) => x >= 0 && x <= n)).toBe(true)
      expect(Math.abs(mean(xs) - n * p) / Math.sqrt(n * p * (1 - p))).toBeLessThan(0.1)
      expect(variance(xs) / (n * p * (1 - p))).toBeGreaterThan(0.9)
      expect(variance(xs) / (n * p * (1 - p))).toBeLessThan(1.1)
    }
  })

  it('draws gamma deviates with mean and variance equal to the shape', () => {
    for (const shape of [0.7, 1.6, 5]) {
      const xs = draw(rng, 30_000, (r) => r.gamma(shape))
      expect(xs.every((x) => x > 0)).toBe(true)
      expect(mean(xs) / shape).toBeGreaterThan(0.97)
      expect(mean(xs) / shape).toBeLessThan(1.03)
      expect(variance(xs) / shape).toBeGreaterThan(0.9)
      expect(variance(xs) / shape).toBeLessThan(1.1)
    }
  })

  it('draws log-normals around the requested median', () => {
    const xs = draw(rng, 20_001, (r) => r.logNormal(40, 0.8)).sort((a, b) => a - b)
    expect(xs[10_000]).toBeGreaterThan(38)
    expect(xs[10_000]).toBeLessThan(42)
  })

  it('picks weighted indices in proportion to their weights', () => {
    const counts = [0, 0, 0]
    for (let i = 0; i < 60_000; i++) counts[rng.weightedIndex([1, 2, 3])]!++
    expect(counts[0]! / 60_000).toBeCloseTo(1 / 6, 2)
    expect(counts[1]! / 60_000).toBeCloseTo(2 / 6, 2)
    expect(counts[2]! / 60_000).toBeCloseTo(3 / 6, 2)
  })

  it('hits a probability with chance() and shuffles into a permutation', () => {
    const hits = draw(rng, 40_000, (r) => (r.chance(0.12) ? 1 : 0))
    expect(mean(hits)).toBeCloseTo(0.12, 2)
    const items = Array.from({ length: 100 }, (_, i) => i)
    const shuffled = rng.shuffle([...items])
    expect(shuffled).not.toEqual(items)
    expect([...shuffled].sort((a, b) => a - b)).toEqual(items)
    expect(() => rng.pick([])).toThrow()
  })
})
