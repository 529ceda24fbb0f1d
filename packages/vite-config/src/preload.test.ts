import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { layoutRoutes, staticClosures } from './preload.ts'

// preload.json, which the API turns into the page's modulepreload links: a wrong route or a missing
// chunk would only show as a slower page, so the two derivations are checked here.

describe('layoutRoutes', () => {
  it('reads the shell’s own layout: the header on every page, the parts by path, the 404 as default', () => {
    const html = readFileSync(path.join(import.meta.dirname, '../../../shell/src/layout.html'), 'utf8')
    const layout = layoutRoutes(html)
    expect(layout.always).toEqual(['@hall/shell-header'])
    expect(layout.routes).toContainEqual({ path: '/', exact: true, apps: ['@hall/mf-catalog'] })
    expect(layout.routes).toContainEqual({ path: '/todo', exact: false, apps: ['@hall/mf-todo'] })
    expect(layout.fallback).toEqual(['@hall/shell-not-found'])
  })

  it('refuses a nested route rather than preloading the wrong part', () => {
    expect(() => layoutRoutes('<route path="/a"><route path="/b"><application name="x"></application></route></route>')).toThrow(/nested/)
  })
})

describe('staticClosures', () => {
  const chunk = (fileName: string, imports: string[], name = fileName, isEntry = false) => ({ type: 'chunk' as const, fileName, name, isEntry, imports })

  it('follows static imports through shared chunks, once each, and keeps bare specifiers apart', () => {
    const chunks = [
      chunk('main.js', ['chunks/a.js', 'vue', 'element-plus'], 'main', true),
      chunk('chunks/a.js', ['chunks/b.js', 'vue']),
      chunk('chunks/b.js', ['chunks/a.js', '@hall/mf-kit']),
      // Reached only by a dynamic import: loads when its page opens, so it is not listed.
      chunk('chunks/lazy-page.js', ['chunks/b.js']),
    ]
    expect(staticClosures(chunks, { '@hall/mf-x': 'main' })).toEqual({
      '@hall/mf-x': { files: ['chunks/a.js', 'chunks/b.js'], shared: ['@hall/mf-kit', 'element-plus', 'vue'] },
    })
  })
})
