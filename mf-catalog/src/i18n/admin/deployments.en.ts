import type zhCN from './deployments.zh-CN.ts'

export default {} satisfies typeof zhCN
