import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  plugins: [vue()],
  test: {
    // The renderer tests mount element-plus components; the pure validation tests do not care.
    environment: 'happy-dom',
    include: ['src/**/*.test.ts'],
    // Mounting element-plus takes ~0.5 s alone and several times that on a busy 2-core machine.
    testTimeout: 30_000,
  },
})
