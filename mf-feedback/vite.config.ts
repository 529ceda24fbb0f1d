import { microFrontendConfig } from '@hall/vite-config'
import { defineConfig } from 'vite'

export default defineConfig(microFrontendConfig({ name: '@hall/mf-feedback', dir: import.meta.dirname, port: 5174 }))
