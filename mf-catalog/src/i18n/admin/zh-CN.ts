// The administration console's words (/catalog/admin). Each area's words are in its own file.
import audit from './audit.zh-CN.ts'
import deliveries from './deliveries.zh-CN.ts'
import deployments from './deployments.zh-CN.ts'
import imports from './imports.zh-CN.ts'
import people from './people.zh-CN.ts'

export default {
  entry: '管理控制台',
  title: '管理控制台',
  intro: '人员与角色、组织导入、审计日志、待重发的消息和前端部署。',
  tabs: { people: '人员与角色', imports: '组织导入', audit: '审计日志', deliveries: '待重发消息', deployments: '前端部署' },
  people,
  imports,
  audit,
  deliveries,
  deployments,
}
