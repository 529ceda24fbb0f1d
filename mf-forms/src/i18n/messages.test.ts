import { fileURLToPath } from 'node:url'
import { describeMessages } from '@hall/mf-kit/test-support'
import { messages } from './index.ts'

// Same keys in both languages, every key the code uses, English singulars and punctuation, 您.
describeMessages(fileURLToPath(new URL('..', import.meta.url)), messages)
