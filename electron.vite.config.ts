import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

const sharedAlias = { '@shared': resolve(__dirname, 'src/shared') }

/**
 * One build for the three hosts. `main` emits the Electron main process (`index`), the CLI
 * (`cli`, which also runs the web host) and the job worker; all run on plain Node except `index`.
 */
export default defineConfig({
  main: {
    resolve: { alias: sharedAlias },
    build: {
      externalizeDeps: true,
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/main/app/main.ts'),
          cli: resolve(__dirname, 'src/main/cli/main.ts'),
          'job-worker': resolve(__dirname, 'src/main/core/jobs/worker-main.ts')
        }
      }
    }
  },
  preload: {
    resolve: { alias: sharedAlias },
    build: {
      // A sandboxed preload can only be one CommonJS file that requires nothing but `electron`.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' }
      }
    }
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    resolve: { alias: sharedAlias },
    plugins: [react()],
    build: {
      minify: true,
      // The metrics dashboard's chunk is ~1 MB, nearly all ECharts; it loads only when the
      // dashboard opens, from the local bundle, so its size costs no first-paint time.
      chunkSizeWarningLimit: 1200,
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } }
    }
  }
})
