import type zhCN from './imports.zh-CN.ts'

export default {} satisfies typeof zhCN
