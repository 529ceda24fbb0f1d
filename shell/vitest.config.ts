import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vitest/config'

// The Vue plugin because @hall/mf-kit's entry exports components (the application timeline).

export default defineConfig({
  plugins: [vue()],
  test: {
    // The root config renders into the DOM and listens on window.
    environment: 'happy-dom',
    include: ['src/**/*.test.ts'],
  },
})
