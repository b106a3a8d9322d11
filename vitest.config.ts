import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: { alias: { '@shared': resolve(import.meta.dirname, 'src/shared') } },
  test: {
    include: ['test/unit/**/*.test.ts', 'test/unit/**/*.test.tsx', 'test/integration/**/*.test.ts'],
    environment: 'node',
    // Every worker refuses connections and lookups off this machine (see the file).
    setupFiles: ['test/setup/network-guard.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000
  }
})
