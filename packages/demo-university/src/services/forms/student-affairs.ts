import type { Field } from '@hall/forms/format'
import { options, t } from './common.ts'

// Forms of the Student Affairs Office.

export const bankCard = (): Field => ({
  key: 'bankCard',
  type: 'text',
  label: t('收款银行卡', 'Bank card for payments'),
  span: 8,
  help: t('学校发放款项的银行卡，来自财务系统', 'The card the university pays into, from the finance system'),
  prefill: { path: 'student.bankCardMasked', readOnlyWhenPrefilled: true },
})

export const weekdays = options([
  ['mon', '周一', 'Monday'],
  ['tue', '周二', 'Tuesday'],
  ['wed', '周三', 'Wednesday'],
  ['thu', '周四', 'Thursday'],
  ['fri', '周五', 'Friday'],
  ['sat', '周六', 'Saturday'],
  ['sun', '周日', 'Sunday'],
])
