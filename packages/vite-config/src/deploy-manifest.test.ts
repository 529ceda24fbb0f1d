import { describe, expect, it } from 'vitest'
import { pageStyles } from './deploy-manifest.ts'

// The page links a build's style sheets once, in its HTML. A sheet that only a lazily loaded chunk
// imports (element-plus's table, date picker, form...) is loaded by Vite with that chunk instead:
// linking it too would make every first visit parse and match rules no first page uses.

const chunk = (fileName: string, o: { isEntry?: boolean; imports?: string[]; css?: string[] } = {}) => ({
  type: 'chunk' as const,
  fileName,
  isEntry: o.isEntry ?? false,
  imports: o.imports ?? [],
  viteMetadata: { importedCss: new Set(o.css ?? []) },
})
const asset = (fileName: string) => ({ type: 'asset' as const, fileName })

describe('pageStyles', () => {
  it('links the sheets of entries and of what they import statically, not those of lazy chunks only', () => {
    const files = [
      chunk('element-plus.js', { isEntry: true, imports: ['chunks/ep.js'] }),
      chunk('chunks/ep.js', { css: ['assets/ep.css'] }),
      chunk('chunks/ep-later.js', { css: ['assets/ep-later.css'] }),
      chunk('forms.js', { isEntry: true, css: ['assets/forms.css'] }),
      asset('assets/ep.css'),
      asset('assets/ep-later.css'),
      asset('assets/forms.css'),
    ]
    expect(pageStyles(files)).toEqual(['assets/ep.css', 'assets/forms.css'])
  })

  it('links a sheet a lazy chunk shares with an eager one, and a sheet no chunk claims', () => {
    const files = [
      chunk('main.js', { isEntry: true, css: ['assets/shared.css'] }),
      chunk('chunks/page.js', { css: ['assets/shared.css'] }),
      asset('assets/shared.css'),
      asset('assets/loose.css'),
    ]
    expect(pageStyles(files)).toEqual(['assets/shared.css', 'assets/loose.css'])
  })
})
