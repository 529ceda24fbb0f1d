/**
 * The browser libraries that load once, through the import map, from `@hall/vendor`.
 *
 * Key: the import-map specifier (what application code imports). Value: the file name of the
 * vendor entry that provides it. Every other part marks these specifiers external, so the same
 * module instance (one Vue, one element-plus) serves the shell and every micro-frontend.
 * Versions come from the `catalog:` of pnpm-workspace.yaml, which is what vendor builds.
 */
export const SHARED_ENTRIES = {
  vue: 'vue',
  pinia: 'pinia',
  'vue-router': 'vue-router',
  'vue-i18n': 'vue-i18n',
  'element-plus': 'element-plus',
  '@element-plus/icons-vue': 'element-plus-icons-vue',
  'single-spa': 'single-spa',
  'single-spa-vue': 'single-spa-vue',
  'single-spa-layout': 'single-spa-layout',
  '@hall/mf-kit': 'mf-kit',
  // The form renderer and its validation: mf-forms fills forms in and mf-todo shows them, so the
  // renderer (and zod under it) loads once rather than once per micro-frontend.
  '@hall/forms': 'forms',
} as const satisfies Record<string, string>

export type SharedSpecifier = keyof typeof SHARED_ENTRIES

export const SHARED_SPECIFIERS = Object.keys(SHARED_ENTRIES) as SharedSpecifier[]

const sharedSet = new Set<string>(SHARED_SPECIFIERS)

/** True for an exact shared specifier (`vue`, `element-plus`, `@hall/mf-kit`, ...). */
export function isShared(id: string): boolean {
  return sharedSet.has(id)
}

/**
 * The shared package a deep import belongs to (`element-plus/es/...` → `element-plus`), if any.
 * Deep imports are not in the import map, so a build that meets one would bundle a second copy.
 */
export function sharedPackageOfDeepImport(id: string): SharedSpecifier | undefined {
  for (const name of SHARED_SPECIFIERS) {
    if (id.startsWith(`${name}/`)) return name
  }
  return undefined
}
