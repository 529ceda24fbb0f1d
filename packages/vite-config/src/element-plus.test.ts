import { describe, expect, it } from 'vitest'
import { ELEMENT_PLUS_COMPONENTS, ELEMENT_PLUS_LAZY, elementPlusEntrySource, lazyEntrySource, unservedUses } from './element-plus.ts'

// The import map's element-plus is the hall's subset: a build that uses anything else must fail at
// build time, since at run time an unknown `<el-x>` is only a Vue warning and an empty spot.

describe('unservedUses', () => {
  it('accepts what the vendor serves, in compiled templates and in imports', () => {
    const code = [
      `const _c = _resolveComponent("el-button"); const _t = _resolveComponent("el-table-column")`,
      `const _d = _resolveDirective("loading")`,
      `import { ElMessage, ElMessageBox as box } from "element-plus"`,
      `import { Search, StarFilled } from '@element-plus/icons-vue'`,
    ].join('\n')
    expect(unservedUses(code)).toEqual([])
  })

  it('names a component, a service or an icon the vendor does not serve', () => {
    const code = [
      `const _c = _resolveComponent("el-tree-select")`,
      `import { ElNotification, ElButton } from "element-plus"`,
      `import { Delete } from "@element-plus/icons-vue"`,
    ].join('\n')
    expect(unservedUses(code)).toEqual(['Delete (@element-plus/icons-vue)', 'ElNotification (element-plus)', 'el-tree-select'])
  })
})

describe('the vendor entry', () => {
  it('exports and installs every listed component, the lazy ones as async components', () => {
    const source = elementPlusEntrySource()
    for (const name of ELEMENT_PLUS_COMPONENTS) expect(source).toMatch(new RegExp(`export \\{[^}]*\\b${name}\\b`))
    for (const name of ELEMENT_PLUS_LAZY) expect(source).toContain(`const ${name} = defineAsyncComponent(`)
    expect(source).toContain("import 'element-plus/es/components/button/style/css'")
  })

  it('leaves the lazy components’ styles to their chunk, so the page’s style sheet has only what a first page may show', () => {
    expect(elementPlusEntrySource()).not.toContain("import 'element-plus/es/components/table-column/style/css'")
    expect(lazyEntrySource()).toContain("import 'element-plus/es/components/table-column/style/css'")
    expect(lazyEntrySource()).toContain("import 'element-plus/es/components/date-picker/style/css'")
  })
})
