import type { Plugin } from 'vite'

// element-plus and its icons load once, through the import map, from @hall/vendor, so they cannot
// be tree-shaken per micro-frontend (docs/decisions/015-element-plus-the-hall-uses.md). Instead the
// vendor serves exactly the components and icons listed here: its `element-plus` entry exports
// them (with their style sheets, once) and installs them, its `@element-plus/icons-vue` entry
// exports these icons. Every other build checks that it uses nothing else (`elementPlusGuard`),
// since a missing component would otherwise only show as a Vue warning at run time.
// Adding one is one line here; the vendor is then deployed like any other part.

/** Components the hall's templates and code use; registered globally by the vendor's plugin. */
export const ELEMENT_PLUS_COMPONENTS = [
  'ElAlert',
  'ElAutocomplete',
  'ElBadge',
  'ElButton',
  'ElCard',
  'ElCheckTag',
  'ElCheckbox',
  'ElCheckboxGroup',
  'ElCollapse',
  'ElCollapseItem',
  'ElConfigProvider',
  'ElDatePicker',
  'ElDialog',
  'ElDrawer',
  'ElDropdown',
  'ElDropdownItem',
  'ElDropdownMenu',
  'ElEmpty',
  'ElForm',
  'ElFormItem',
  'ElIcon',
  'ElInput',
  'ElInputNumber',
  'ElOption',
  'ElOptionGroup',
  'ElPagination',
  'ElPopover',
  'ElProgress',
  'ElRadio',
  'ElRadioButton',
  'ElRadioGroup',
  'ElRate',
  'ElResult',
  'ElSelect',
  'ElSkeleton',
  'ElSwitch',
  'ElTabPane',
  'ElTable',
  'ElTableColumn',
  'ElTabs',
  'ElTag',
  'ElTimePicker',
  'ElTimeSelect',
  'ElTimeline',
  'ElTimelineItem',
] as const

/** Services and directives: `ElLoading` brings `v-loading`. */
export const ELEMENT_PLUS_SERVICES = ['ElLoading', 'ElMessage', 'ElMessageBox'] as const

/**
 * Icons the code imports by name, and the icons a category may name (`categories.icon`, shown by
 * the catalog's category filter; an icon not listed shows none). The category icons are a
 * deliberate choice of a few dozen that suit a university's services.
 */
export const ELEMENT_PLUS_ICONS = [
  // In code.
  'ArrowDown',
  'ArrowLeft',
  'Bell',
  'CircleCheck',
  'Loading',
  'Printer',
  'Search',
  'Setting',
  'Star',
  'StarFilled',
  // For categories.
  'Reading',
  'Trophy',
  'House',
  'Wallet',
  'Promotion',
  'Opportunity',
  'Monitor',
  'Flag',
  'Briefcase',
  'QuestionFilled',
  'School',
  'Notebook',
  'Document',
  'Files',
  'Money',
  'CreditCard',
  'Van',
  'Location',
  'User',
  'UserFilled',
  'Avatar',
  'Medal',
  'Calendar',
  'Connection',
  'Service',
  'Tools',
  'Suitcase',
  'OfficeBuilding',
  'FirstAidKit',
  'Basketball',
  'Food',
  'Collection',
  'Postcard',
  'Message',
  'Phone',
  'Histogram',
] as const

/**
 * Components no first page needs (tables, pickers, forms with their validator...): the
 * vendor serves them as async components, loaded from a chunk of their own the first time one is
 * rendered. Their exports and template refs behave as the real components once loaded (Vue passes
 * a ref through an async wrapper to the component inside).
 */
export const ELEMENT_PLUS_LAZY = new Set<string>([
  'ElCollapse',
  'ElCollapseItem',
  'ElDatePicker',
  'ElForm',
  'ElFormItem',
  'ElInputNumber',
  'ElProgress',
  'ElRate',
  'ElTable',
  'ElTableColumn',
  'ElTimePicker',
  'ElTimeSelect',
  'ElTimeline',
  'ElTimelineItem',
])

export const ELEMENT_PLUS_EXPORTS: readonly string[] = [...ELEMENT_PLUS_COMPONENTS, ...ELEMENT_PLUS_SERVICES]

const kebab = (name: string) =>
  name
    .replace(/^El/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()

/** `ElTableColumn` → `el-table-column`: the tag a template writes. */
export const tagOf = (component: string) => `el-${kebab(component)}`

/** The vendor's `element-plus` entry: the listed components and services, their styles, and an `install` of them. */
export function elementPlusEntrySource(): string {
  const all = ELEMENT_PLUS_EXPORTS
  const eager = all.filter((name) => !ELEMENT_PLUS_LAZY.has(name))
  const lazy = all.filter((name) => ELEMENT_PLUS_LAZY.has(name))
  return [
    // Each component's style module pulls in what it needs (base, popper, scrollbar...), once. The
    // lazy components' styles come with their chunk (below): 90 % of one sheet for all was unused
    // on a first visit, and every rule of it is parsed and matched before the first render.
    ...eager.map((name) => `import 'element-plus/es/components/${kebab(name)}/style/css'`),
    `import { defineAsyncComponent } from 'vue'`,
    `import { ${eager.join(', ')} } from 'element-plus'`,
    `const later = () => import(${JSON.stringify(LAZY_ENTRY)})`,
    ...lazy.map((name) => `const ${name} = defineAsyncComponent(() => later().then((m) => m.${name}))`),
    `export { ${all.join(', ')} }`,
    `const eager = [${eager.join(', ')}]`,
    `const lazy = { ${lazy.join(', ')} }`,
    // What `app.use(ElementPlus)` does for the full library, for these only.
    `export default { install(app) { for (const c of eager) app.use(c); for (const [name, c] of Object.entries(lazy)) app.component(name, c) } }`,
  ].join('\n')
}

/** The lazy chunk's entry: the lazy components and their styles, which load with it. */
export function lazyEntrySource(): string {
  return [
    ...[...ELEMENT_PLUS_LAZY].map((name) => `import 'element-plus/es/components/${kebab(name)}/style/css'`),
    `export { ${[...ELEMENT_PLUS_LAZY].join(', ')} } from 'element-plus'`,
  ].join('\n')
}

/** The vendor's `@element-plus/icons-vue` entry. */
export function iconsEntrySource(): string {
  return `export { ${ELEMENT_PLUS_ICONS.join(', ')} } from '@element-plus/icons-vue'`
}

/** What a build uses of the two libraries that the vendor does not serve. */
export function unservedUses(code: string): string[] {
  const missing = new Set<string>()
  const components = new Set<string>(ELEMENT_PLUS_EXPORTS)
  const tags = new Set(ELEMENT_PLUS_COMPONENTS.map(tagOf))
  // Templates compile `<el-table>` to resolveComponent("el-table") (or "ElTable").
  for (const m of code.matchAll(/resolveComponent\(\s*["']((?:el-|El)[A-Za-z-]+)["']/g)) {
    const name = m[1]!
    if (name.startsWith('El') ? !components.has(name) : !tags.has(name)) missing.add(name)
  }
  if (/resolveDirective\(\s*["']loading["']/.test(code) && !components.has('ElLoading')) missing.add('v-loading')
  for (const m of code.matchAll(/import\s*\{([^}]*)\}\s*from\s*["'](element-plus|@element-plus\/icons-vue)["']/g)) {
    const served = new Set<string>(m[2] === 'element-plus' ? ELEMENT_PLUS_EXPORTS : ELEMENT_PLUS_ICONS)
    for (const spec of m[1]!.split(',')) {
      // Type-only names are gone after TypeScript; a namespace import gets the served icons.
      if (/^type\s/.test(spec.trim())) continue
      const imported = spec
        .trim()
        .split(/\s+as\s+/)[0]!
        .trim()
      if (imported && !served.has(imported)) missing.add(`${imported} (${m[2]})`)
    }
  }
  return [...missing].sort()
}

export const ELEMENT_PLUS_ENTRY = 'virtual:hall-element-plus'
export const ICONS_ENTRY = 'virtual:hall-element-plus-icons'
const LAZY_ENTRY = 'virtual:hall-element-plus-later'

/**
 * The vendor build's two generated entries. Inside the vendor (mf-kit, forms), `element-plus` and
 * the icons resolve to them too, so `app.use(ElementPlus)` installs the subset and nothing pulls
 * the whole library back in; element-plus's own imports of its icons keep the real package.
 */
export function elementPlusSubset(): Plugin {
  const resolved = { [ELEMENT_PLUS_ENTRY]: `\0${ELEMENT_PLUS_ENTRY}`, [ICONS_ENTRY]: `\0${ICONS_ENTRY}`, [LAZY_ENTRY]: `\0${LAZY_ENTRY}` }
  return {
    name: 'hall:element-plus-subset',
    enforce: 'pre',
    resolveId(id, importer) {
      if (id === ELEMENT_PLUS_ENTRY || id === ICONS_ENTRY || id === LAZY_ENTRY) return resolved[id]
      const ours = importer !== undefined && !importer.startsWith('\0') && !importer.includes('/node_modules/')
      if (ours && id === 'element-plus') return resolved[ELEMENT_PLUS_ENTRY]
      if (ours && id === '@element-plus/icons-vue') return resolved[ICONS_ENTRY]
      return null
    },
    load(id) {
      if (id === resolved[ELEMENT_PLUS_ENTRY]) return elementPlusEntrySource()
      if (id === resolved[ICONS_ENTRY]) return iconsEntrySource()
      if (id === resolved[LAZY_ENTRY]) return lazyEntrySource()
      return null
    },
  }
}

/**
 * Fails a build that uses a component, service or icon the vendor does not serve: the import map's
 * element-plus is the hall's subset, so the build must stay within it.
 */
export function elementPlusGuard(): Plugin {
  const found = new Map<string, string>()
  return {
    name: 'hall:element-plus-guard',
    apply: 'build',
    transform: {
      order: 'post',
      handler(code, id) {
        if (id.includes('/node_modules/')) return null
        for (const name of unservedUses(code)) if (!found.has(name)) found.set(name, id)
        return null
      },
    },
    buildEnd() {
      if (found.size === 0) return
      const list = [...found].map(([name, id]) => `  ${name}  (in ${id})`).join('\n')
      this.error(
        `This build uses element-plus components or icons that @hall/vendor does not serve:\n${list}\n` +
          'Add them to packages/vite-config/src/element-plus.ts and deploy @hall/vendor with this part.',
      )
    },
  }
}
