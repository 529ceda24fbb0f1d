import { microFrontendConfig } from '@hall/vite-config'
import { defineConfig } from 'vite'
import { FIRST_ANSWERS } from './src/first-answers.ts'

export default defineConfig(
  microFrontendConfig({ name: '@hall/mf-catalog', dir: import.meta.dirname, port: 5171, answers: { '/': [...FIRST_ANSWERS], '/catalog': [...FIRST_ANSWERS] } }),
)
