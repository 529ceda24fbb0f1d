import { microFrontendConfig } from '@hall/vite-config'
import { defineConfig } from 'vite'

export default defineConfig(microFrontendConfig({ name: '@hall/mf-catalog', dir: import.meta.dirname, port: 5171 }))
