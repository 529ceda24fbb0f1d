import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    // Custom elements and shadow roots need a DOM.
    environment: 'happy-dom',
    include: ['src/**/*.test.ts'],
  },
})
