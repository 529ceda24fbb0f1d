import { shellConfig } from '@hall/vite-config'
import { defineConfig } from 'vite'

export default defineConfig(shellConfig({ dir: import.meta.dirname, port: 5170 }))
