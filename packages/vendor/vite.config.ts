import vue from '@vitejs/plugin-vue'
import { vendorConfig } from '@hall/vite-config'
import { defineConfig } from 'vite'

// @hall/forms ships Vue single-file components (the renderer), so vendor compiles them too; their
// styles come out in the vendor's style sheet, which the page links once.
const config = vendorConfig({ dir: import.meta.dirname })
export default defineConfig({ ...config, plugins: [vue(), ...(config.plugins ?? [])] })
