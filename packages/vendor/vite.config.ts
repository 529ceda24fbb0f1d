import { vendorConfig } from '@hall/vite-config'
import { defineConfig } from 'vite'

export default defineConfig(vendorConfig({ dir: import.meta.dirname }))
