import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    // The root config renders into the DOM and listens on window.
    environment: 'happy-dom',
    include: ['src/**/*.test.ts'],
  },
})
