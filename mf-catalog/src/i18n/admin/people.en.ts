import type zhCN from './people.zh-CN.ts'

export default {} satisfies typeof zhCN
