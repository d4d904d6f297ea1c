/**
 * The CLI (dist/cli): a Node build of src/cli/ghatna.ts. vue-i18n is bundled, as in
 * dist/lib, because the package keeps it private (it is not a dependency to install).
 */
import { defineConfig, mergeConfig } from 'vite'
import base from './vite.config.ts'

export default mergeConfig(base, defineConfig({
  ssr: { noExternal: ['vue-i18n', /^@intlify\//] },
  build: {
    ssr: 'src/cli/ghatna.ts',
    outDir: 'dist/cli',
    emptyOutDir: true,
    copyPublicDir: false,
  },
}))
