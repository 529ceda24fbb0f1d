import type zhCN from './audit.zh-CN.ts'

export default {} satisfies typeof zhCN
