import type { MicroFrontendMessages } from '@hall/mf-kit'
import en from './en.ts'
import zhCN from './zh-CN.ts'

export const messages: MicroFrontendMessages<typeof zhCN> = { 'zh-CN': zhCN, en }
