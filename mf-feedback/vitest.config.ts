import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vitest/config'

// Unit tests of plain functions (no DOM). Its own config, so vitest does not load vite.config.ts,
// whose TypeScript imports from @hall/vite-config need `--configLoader runner`. The Vue plugin
// because @hall/mf-kit's entry exports components (the application timeline).
export default defineConfig({
  plugins: [vue()],
  test: {
    include: ['src/**/*.test.ts'],
  },
})
