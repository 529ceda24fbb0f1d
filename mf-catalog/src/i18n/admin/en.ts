import audit from './audit.en.ts'
import deliveries from './deliveries.en.ts'
import deployments from './deployments.en.ts'
import imports from './imports.en.ts'
import people from './people.en.ts'
import type zhCN from './zh-CN.ts'

// The administration console's words in English: the same keys as zh-CN.ts.
export default {
  entry: 'Administration',
  title: 'Administration',
  intro: 'People and roles, organisation imports, the audit log, parked messages and micro-frontend deployments.',
  tabs: { people: 'People and roles', imports: 'Imports', audit: 'Audit log', deliveries: 'Parked messages', deployments: 'Deployments' },
  people,
  imports,
  audit,
  deliveries,
  deployments,
} satisfies typeof zhCN
