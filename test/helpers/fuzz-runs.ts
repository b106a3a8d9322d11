import type fc from 'fast-check'

/**
 * Cases per property: `fallback` in `npm test`, or LOOPBENCH_FUZZ_RUNS (the benchmark profile
 * sets 10,000). Each property has its own fixed seed, so a run is reproducible; fast-check
 * prints the seed and the shrunk counterexample of a failure.
 */
export function fuzzRuns(fallback: number): number {
  const given = Number(process.env.LOOPBENCH_FUZZ_RUNS)
  return Number.isInteger(given) && given > 0 ? given : fallback
}

/** fast-check parameters for one property: its seed and the run count above. */
export function fuzzParams<T>(seed: number, fallback: number): fc.Parameters<T> {
  return { seed, numRuns: fuzzRuns(fallback) }
}

/** A test timeout that grows with the run count (ms per case, never below 30 s). */
export function fuzzTimeout(msPerCase: number, fallback: number): number {
  return Math.max(30_000, Math.ceil(fuzzRuns(fallback) * msPerCase))
}
