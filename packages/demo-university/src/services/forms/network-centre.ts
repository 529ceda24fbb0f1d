import type { Field } from '@hall/forms/format'
import { t } from './common.ts'

// Forms of the Network and Information Centre, and the hall's own online Q&A.

export const IPV4 = '^((25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1?\\d?\\d)$'
export const ipv4Message = t('IPv4 地址如 10.12.3.45', 'An IPv4 address looks like 10.12.3.45')
export const HOST_LABEL = '^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$'

export const unitDepartment = (): Field => ({
  key: 'applyingUnit',
  type: 'department',
  label: t('申请单位', 'Applying unit'),
  span: 12,
  required: true,
  prefill: { path: 'departmentCode' },
})

export const systemAdmin = (key: string, label: [string, string], visibleWhen?: Extract<Field, { type: 'person' }>['visibleWhen']): Field => ({
  key,
  type: 'person',
  label: t(...label),
  kinds: ['staff'],
  span: 12,
  required: true,
  ...(visibleWhen ? { visibleWhen } : {}),
})
