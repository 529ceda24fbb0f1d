import path from 'node:path'
import { defineConfig } from 'vite'

// One classic script (IIFE), not an ES module: a department's CMS can include it with a plain
// <script src> (no CORS needed for the script itself), and `document.currentScript` tells it the
// hall's URL. Nothing is external: the page has no import map.
export default defineConfig({
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    // The hall serves this one file at a stable URL; a source map would be a second one to keep in step.
    sourcemap: false,
    lib: {
      entry: path.join(import.meta.dirname, 'src/index.ts'),
      name: 'HallWidgets',
      formats: ['iife'],
      fileName: () => 'hall-widgets.js',
    },
  },
})
