import { defineConfig } from 'vitest/config'

// Unit tests of plain functions (no DOM). Its own config, so vitest does not load vite.config.ts,
// whose TypeScript imports from @hall/vite-config need `--configLoader runner`.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
  },
})
