import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    // The bus and the language live on window, localStorage and <html>.
    environment: 'happy-dom',
    include: ['src/**/*.test.ts'],
  },
})
