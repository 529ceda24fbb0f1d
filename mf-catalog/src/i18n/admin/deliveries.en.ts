import type zhCN from './deliveries.zh-CN.ts'

export default {} satisfies typeof zhCN
