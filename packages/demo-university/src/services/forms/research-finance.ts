import type { Field } from '@hall/forms/format'
import { options, t } from './common.ts'

// Forms of the Research Institute (patents, software copyright, technology transfer) and of the
// Finance Office (project statements, the tuition bank card).

/** The person's research projects, from the research management system, for reference. */
export const myProjects = (): Field => ({
  key: 'myProjects',
  type: 'textarea',
  label: t('本人负责的科研项目', 'Your research projects'),
  rows: 3,
  maxLength: 2000,
  prefill: { path: 'staff.researchProjects.summaryZh', readOnlyWhenPrefilled: true },
})

/** The project that pays: pre-filled with the person's first project, editable (they may choose another). */
export const payingProject = (required: boolean): Field => ({
  key: 'payingProject',
  type: 'text',
  label: t('支付费用的科研项目编号', 'Project paying the fees'),
  span: 12,
  required,
  maxLength: 40,
  help: t('默认为您的第一个项目，可改为其他项目编号', 'Your first project by default; give another project’s code if another pays'),
  prefill: { path: 'staff.researchProjects.first.code' },
})

export const contributorsTable = (key: string, label: [string, string]): Field => ({
  key,
  type: 'table',
  label: t(...label),
  minRows: 1,
  maxRows: 30,
  addLabel: t('添加一人', 'Add a person'),
  columns: [
    { key: 'personName', type: 'text', label: t('姓名', 'Name'), required: true, maxLength: 50, span: 8 },
    { key: 'personUnit', type: 'text', label: t('单位', 'Unit'), maxLength: 60, span: 10 },
    { key: 'share', type: 'number', label: t('分配比例', 'Share'), required: true, min: 0, max: 100, precision: 2, unit: t('%', '%'), span: 6 },
  ],
})

export const transferModes = options([
  ['assignment', '转让', 'Assignment'],
  ['licence', '许可', 'Licence'],
  ['equity', '作价投资', 'Contribution as equity'],
])
