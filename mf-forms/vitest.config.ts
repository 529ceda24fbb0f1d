import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vitest/config'

// Unit tests beside the code. Its own config, so vitest does not load vite.config.ts (whose
// TypeScript imports from @hall/vite-config need `--configLoader runner`); the Vue plugin because
// @hall/forms' public surface includes its renderer.
export default defineConfig({
  plugins: [vue()],
  test: {
    include: ['src/**/*.test.ts'],
  },
})
