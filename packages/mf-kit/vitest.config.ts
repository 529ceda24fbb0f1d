import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  // The kit's shared components are single-file components (the application timeline).
  plugins: [vue()],
  test: {
    // The bus and the language live on window, localStorage and <html>; components mount in it too.
    environment: 'happy-dom',
    include: ['src/**/*.test.ts'],
    // Mounting element-plus takes several seconds on a busy 2-core machine.
    testTimeout: 30_000,
  },
})
