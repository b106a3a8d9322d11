/**
 * A small seeded pseudo-random generator for the demo workspace: sfc32 (Chris Doty-Humphrey's
 * "small fast chaotic" generator, as in PractRand) seeded from a string with cyrb128. Same seed,
 * same sequence, on every platform: only 32-bit integer arithmetic and IEEE doubles are used.
 *
 * `fork(label)` derives an independent stream, so that one part of the generator can change
 * how many numbers it draws without shifting every number drawn after it elsewhere.
 */
export class Rng {
  private a: number
  private b: number
  private c: number
  private d: number

  constructor(readonly seed: string) {
    const [a, b, c, d] = cyrb128(seed)
    this.a = a
    this.b = b
    this.c = c
    this.d = d
    // Discard the first outputs: sfc32's state needs a few rounds to mix.
    for (let i = 0; i < 15; i++) this.nextUint32()
  }

  /** An independent stream for a named part of the generation. */
  fork(label: string): Rng {
    return new Rng(`${this.seed}/${label}`)
  }

  /** A uniformly distributed unsigned 32-bit integer. */
  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0
    this.d = (this.d + 1) | 0
    this.a = this.b ^ (this.b >>> 9)
    this.b = (this.c + (this.c << 3)) | 0
    this.c = (this.c << 21) | (this.c >>> 11)
    this.c = (this.c + t) | 0
    return t >>> 0
  }

  /** A uniform number in [0, 1) with 32 bits of resolution. */
  next(): number {
    return this.nextUint32() / 4294967296
  }

  /** A uniform number in [min, max). */
  uniform(min: number, max: number): number {
    return min + (max - min) * this.next()
  }

  /** A uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1))
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p
  }

  /** One element, uniformly. Throws on an empty list (a manifest error, never data). */
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('Rng.pick from an empty list')
    return items[Math.floor(this.next() * items.length)] as T
  }

  /** An index drawn with probability proportional to its weight. */
  weightedIndex(weights: readonly number[]): number {
    let total = 0
    for (const w of weights) total += w
    let u = this.next() * total
    for (let i = 0; i < weights.length; i++) {
      u -= weights[i] ?? 0
      if (u < 0) return i
    }
    return weights.length - 1
  }

  /** One element drawn with probability proportional to `weightOf`. */
  weighted<T>(items: readonly T[], weightOf: (item: T) => number): T {
    return items[this.weightedIndex(items.map(weightOf))] as T
  }

  /** A standard normal deviate (Box–Muller; one of the pair is discarded to keep the state simple). */
  normal(mean = 0, sd = 1): number {
    let u = this.next()
    while (u === 0) u = this.next()
    const v = this.next()
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v)
  }

  /** A log-normal deviate with the given median and log-scale sigma. */
  logNormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal())
  }

  /**
   * A Poisson deviate: Knuth's multiplication method for small means, a continuity-corrected
   * normal approximation above 30 (error well below what the demo's statistics can see).
   */
  poisson(lambda: number): number {
    if (lambda <= 0) return 0
    if (lambda < 30) {
      const limit = Math.exp(-lambda)
      let k = 0
      let p = this.next()
      while (p > limit) {
        k++
        p *= this.next()
      }
      return k
    }
    return Math.max(0, Math.round(this.normal(lambda, Math.sqrt(lambda))))
  }

  /** A binomial deviate: exact Bernoulli sums up to n = 1000, a normal approximation above. */
  binomial(n: number, p: number): number {
    if (n <= 0 || p <= 0) return 0
    if (p >= 1) return n
    if (n <= 1000) {
      let k = 0
      for (let i = 0; i < n; i++) if (this.next() < p) k++
      return k
    }
    const draw = Math.round(this.normal(n * p, Math.sqrt(n * p * (1 - p))))
    return Math.min(n, Math.max(0, draw))
  }

  /** A gamma deviate with scale 1 (Marsaglia and Tsang, 2000). */
  gamma(shape: number): number {
    if (shape < 1) return this.gamma(shape + 1) * Math.pow(this.next() || Number.MIN_VALUE, 1 / shape)
    const d = shape - 1 / 3
    const c = 1 / Math.sqrt(9 * d)
    for (;;) {
      let x: number
      let v: number
      do {
        x = this.normal()
        v = 1 + c * x
      } while (v <= 0)
      v = v * v * v
      const u = this.next()
      if (u < 1 - 0.0331 * x * x * x * x) return d * v
      if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v
    }
  }

  /** Shuffles in place (Fisher–Yates) and returns the same array. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1))
      const tmp = items[i] as T
      items[i] = items[j] as T
      items[j] = tmp
    }
    return items
  }

  /** `length` characters drawn from `alphabet`. */
  chars(alphabet: string, length: number): string {
    let out = ''
    for (let i = 0; i < length; i++) out += alphabet[Math.floor(this.next() * alphabet.length)]
    return out
  }
}

/** cyrb128 (bryc): a fast 128-bit string hash used only to seed sfc32. */
function cyrb128(text: string): [number, number, number, number] {
  let h1 = 1779033703
  let h2 = 3144134277
  let h3 = 1013904242
  let h4 = 2773480762
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i)
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067)
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233)
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213)
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179)
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067)
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233)
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213)
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179)
  h1 ^= h2 ^ h3 ^ h4
  h2 ^= h1
  h3 ^= h1
  h4 ^= h1
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0]
}
