import type { LocalizedText } from './definition.ts'

// Every refused action is a WorkflowError with a stable code (the API maps codes to HTTP
// statuses and the UI may branch on them) and a message in both languages that says what
// happened, so that the reviewer who clicked second learns why nothing changed.

type Params = Record<string, string | number>

const messages = {
  wrong_status: {
    zh: (p: Params) => `申请当前状态为“${p.status}”，不能执行此操作`,
    en: (p: Params) => `The application is ${p.status}: this action does not apply now`,
  },
  application_closed: {
    zh: (p: Params) => `申请已${p.status === 'completed' ? '办结' : p.status === 'rejected' ? '被驳回' : '撤回'}，不能再操作`,
    en: (p: Params) => `The application is already ${p.status}: nothing more can be done to it`,
  },
  not_applicant: {
    zh: () => '只有申请人本人可以执行此操作',
    en: () => 'Only the applicant can do this',
  },
  not_assignee: {
    zh: () => '您不是此待办的当前办理人（或其委托人），不能办理',
    en: () => 'You are not the current assignee of this task, nor their delegate',
  },
  not_escalation_contact: {
    zh: () => '只有此环节的超时提醒人或系统管理员可以处理超时待办',
    en: () => 'Only the escalation contact of this step or an administrator can act on its overdue task',
  },
  not_participant: {
    zh: () => '只有申请人、办理人和抄送人可以发表评论',
    en: () => 'Only the applicant, the reviewers and the people copied can comment',
  },
  task_not_found: {
    zh: (p: Params) => `此申请中没有待办 ${p.taskId}`,
    en: (p: Params) => `This application has no task ${p.taskId}`,
  },
  already_decided: {
    zh: (p: Params) => `此待办已处理（${p.outcome}），无需重复操作`,
    en: (p: Params) => `This task has already been dealt with (${p.outcome}); nothing was changed`,
  },
  opinion_required: {
    zh: () => '驳回和退回必须填写审核意见',
    en: () => 'Write an opinion: it is required to reject or return',
  },
  text_required: {
    zh: () => '内容不能为空',
    en: () => 'Write something first: the text is empty',
  },
  awaiting_answer: {
    zh: () => '正在等待申请人答复询问，答复后才能继续办理（可驳回或退回）',
    en: () => 'The applicant has not answered your question yet; you can continue once they do (or reject or return)',
  },
  waiting_for_signer: {
    zh: () => '已在您之前加签，需等加签人审核后才能继续办理',
    en: () => 'You added a signer before you: continue once they have signed',
  },
  no_question: {
    zh: () => '此待办没有等待答复的询问',
    en: () => 'There is no open question on this task',
  },
  invalid_return_target: {
    zh: (p: Params) => `不能退回到“${p.target}”：只能退回申请人或本轮已经办理过的前序环节`,
    en: (p: Params) => `Cannot return to "${p.target}": return to the applicant or to a step already passed in this round`,
  },
  invalid_transfer_target: {
    zh: () => '不能转办给自己、申请人或已在办理此环节的人',
    en: () => 'You cannot transfer to yourself, the applicant or someone already handling this step',
  },
  confirmation_only: {
    zh: () => '这是请您本人确认的待办：只能确认，或说明原因后不同意（退回申请人）',
    en: () => 'This task asks you to confirm in person: you can confirm, or decline with a reason (it goes back to the applicant)',
  },
  confirmation_in_person: {
    zh: () => '这是请表单中指定的同学本人确认的待办：超时也不能由他人接手或改派，可催办本人，或由申请人撤回后修改',
    en: () =>
      'This task asks the person named in the form to confirm in person: even overdue, nobody else can take it over or be given it. Urge them, or the applicant can withdraw and change the form',
  },
  invalid_signer: {
    zh: () => '加签人不能为空，也不能是自己、申请人或已在办理此环节的人',
    en: () => 'Name at least one signer who is not you, the applicant or someone already handling this step',
  },
  too_late_to_withdraw: {
    zh: () => '已有审核人作出决定，不能撤回；如需修改请联系当前办理人退回',
    en: () => 'A reviewer has already decided on it, so it cannot be withdrawn; ask the current reviewer to return it',
  },
  not_overdue: {
    zh: () => '当前环节尚未超过办理时限，暂不能催办',
    en: () => 'No step is past its time limit yet, so there is nothing to urge',
  },
  urged_recently: {
    zh: () => '24小时内已催办过，请稍后再试',
    en: () => 'You urged this step less than 24 hours ago; try again later',
  },
  already_escalated: {
    zh: () => '此待办的超时提醒已发出',
    en: () => 'The overdue reminder for this task has already been sent',
  },
  no_assignee: {
    zh: (p: Params) => `环节“${p.stepId}”找不到办理人，请联系服务负责人`,
    en: (p: Params) => `Nobody can be found to handle step "${p.stepId}"; contact the service's owner`,
  },
  no_route: {
    zh: (p: Params) => `“${p.from}”之后没有符合条件的去向`,
    en: (p: Params) => `No route after "${p.from}" matches this application`,
  },
  invalid_definition: {
    zh: (p: Params) => `流程定义有误：${p.detail}`,
    en: (p: Params) => `The process definition is invalid: ${p.detail}`,
  },
} satisfies Record<string, { zh: (p: Params) => string; en: (p: Params) => string }>

export type WorkflowErrorCode = keyof typeof messages

export const workflowErrorCodes = Object.keys(messages) as WorkflowErrorCode[]

export class WorkflowError extends Error {
  override readonly name = 'WorkflowError'
  readonly code: WorkflowErrorCode
  /** The message in both languages; `message` is the English one, for logs. */
  readonly text: LocalizedText
  readonly params: Params

  constructor(code: WorkflowErrorCode, params: Params = {}) {
    const template = messages[code]
    const text = { zh: template.zh(params), en: template.en(params) }
    super(text.en)
    this.code = code
    this.text = text
    this.params = params
  }
}

export function isWorkflowError(error: unknown, code?: WorkflowErrorCode): error is WorkflowError {
  return error instanceof WorkflowError && (code === undefined || error.code === code)
}
