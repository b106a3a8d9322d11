// Preloaded with `node --import` by the benchmarks: writes the process's peak resident memory
// (KiB, from getrusage) to the file named in LOOPBENCH_RSS_FILE when the process exits.
import { writeFileSync } from 'node:fs'

const target = process.env.LOOPBENCH_RSS_FILE
if (target) {
  process.on('exit', () => writeFileSync(target, String(process.resourceUsage().maxRSS)))
}
