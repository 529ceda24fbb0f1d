import type { ServiceDefinition } from '../types.ts'
import { desks, at, req, step } from '../guide-kit.ts'
import { t, options, file, undergraduateApplicant, pledge, notice } from '../forms/common.ts'
import { deputySecretary, reviewer, headOf, days, seeded } from '../processes/rules.ts'

// exam-deferral: its catalog entry and guide, its form and its process, in one place.
export const examDeferral: ServiceDefinition = {
  code: 'exam-deferral',
  nameZh: '缓考申请',
  nameEn: 'Exam deferral',
  summaryZh: '本科生因病或其他特殊原因不能参加期末考试，申请缓考。',
  summaryEn: 'Undergraduates who cannot sit an end-of-term exam because of illness or another serious reason ask to take it later.',
  keywordsZh: ['缓考', '推迟考试', '考试延期', '补考', '生病考试', '缺考', '期末考试'],
  keywordsEn: ['exam deferral', 'defer exam', 'postpone exam', 'missed exam', 'sick on exam day', 'resit', 'final exam'],
  categoryCode: 'study',
  ownerDepartmentCode: 'academic-affairs',
  audience: ['undergraduate'],
  mode: 'online',
  timeLimitDays: 3,
  // No noneInProgress: one application per course, and a student may defer several.
  eligibility: [
    { type: 'kind', kinds: ['undergraduate'] },
    { type: 'studentStatus', status: 'enrolled' },
  ],
  guide: {
    zh: {
      conditions: [
        '本校在读本科生，已正常选修该课程',
        '因病、直系亲属重大变故或承担学校指派任务等原因不能参加考试',
        '原则上在考试开始前申请；突发情况须在考试后 3 个工作日内补办',
        '一门课程提交一份申请',
      ],
      materials: [req('缓考原因'), req('证明材料', '如医院诊断证明、学校任务通知')],
      steps: [step('任课教师确认', '课程任课教师'), step('学院审批', '学院教学副院长'), step('教务处备案', '教务处考试中心')],
      fees: '无',
      ...at(desks.academicAffairs, 'zh'),
      notes: ['缓考在下学期开学初的补考时段进行，成绩按正常考试记载。'],
    },
    en: {
      conditions: [
        'You are an undergraduate in school and are registered for the course.',
        'Illness, a serious family emergency or a university assignment keeps you from the exam.',
        'Apply before the exam; in an emergency, within 3 working days after it.',
        'One application per course.',
      ],
      materials: [req('Reason'), req('Evidence', 'Such as a medical certificate or the notice of your university assignment')],
      steps: [
        step("Confirmation by the course's teacher", 'Course teacher'),
        step('Approval by your college', 'Associate dean for teaching'),
        step('Recorded by Academic Affairs', 'Examinations Centre, Academic Affairs'),
      ],
      fees: 'None',
      ...at(desks.academicAffairs, 'en'),
      notes: ['Deferred exams are held with the resits at the start of next term, and graded as a normal exam.'],
    },
  },
  // Forms of the Academic Affairs Office and of the Graduate School.

  /** 缓考申请. The process reads `teacher` (the course's teacher confirms first). */
  form: {
    formatVersion: 1,
    labelPosition: 'top',
    sections: [
      undergraduateApplicant(),
      {
        key: 'exam',
        title: t('考试信息', 'The exam'),
        description: t('一门课程提交一份申请。', 'One application per course.'),
        fields: [
          { key: 'courseName', type: 'text', label: t('课程名称', 'Course'), span: 12, required: true, maxLength: 60 },
          {
            key: 'courseCode',
            type: 'text',
            label: t('课程代码', 'Course code'),
            span: 12,
            required: true,
            pattern: { regex: '^[A-Z]{2,4}\\d{3,5}$', message: t('课程代码如 CS2031', 'A course code looks like CS2031') },
          },
          { key: 'teacher', type: 'person', label: t('任课教师', "Course's teacher"), kinds: ['staff'], span: 12, required: true },
          {
            key: 'examDate',
            type: 'date',
            label: t('考试日期', 'Exam date'),
            help: t('原则上在考试前申请；突发情况须在考试后 3 个工作日内补办', 'Apply before the exam; in an emergency, within 3 working days after it'),
            span: 6,
            required: true,
            min: { today: -5 },
          },
          { key: 'examTime', type: 'time', label: t('考试时间', 'Exam time'), span: 6, min: '07:00', max: '22:00' },
          {
            key: 'reasonType',
            type: 'select',
            label: t('缓考原因', 'Why'),
            required: true,
            display: 'radio',
            options: options([
              ['illness', '因病', 'Illness'],
              ['family', '直系亲属重大变故', 'A serious event in the immediate family'],
              ['school-task', '承担学校指派任务', 'A task the university assigned'],
              ['other', '其他', 'Other'],
            ]),
          },
          { key: 'reason', type: 'textarea', label: t('情况说明', 'What happened'), required: true, minLength: 10, maxLength: 500, rows: 3 },
          file('medicalCertificate', t('医院诊断证明', 'Medical certificate'), 'medical-certificate', {
            required: true,
            maxFiles: 3,
            visibleWhen: { field: 'reasonType', op: 'eq', value: 'illness' },
          }),
          file('evidence', t('证明材料', 'Evidence'), 'supporting-document', {
            required: true,
            maxFiles: 3,
            help: t('如学校任务通知、相关证明', 'A task notice from the university, or other proof'),
            visibleWhen: { field: 'reasonType', op: 'ne', value: 'illness' },
          }),
          notice(
            'when',
            '缓考在下学期开学初的补考时段进行，成绩按正常考试记载。',
            'Deferred exams are sat in the make-up period at the start of next term and count as normal exams.',
          ),
        ],
      },
      pledge('本人承诺所填情况属实，如有虚假按考试违纪处理', 'The above is true; a false statement is treated as an exam offence'),
    ],
  },
  // Undergraduate services owned by the Academic Affairs Office.

  /**
   * 缓考申请: the course's teacher (named in the form, usually pre-filled from the course chosen),
   * the college's associate dean for teaching (where none is on record, the deputy secretary), then
   * Academic Affairs records it. The teacher is copied when it is done.
   */
  process: seeded('academic-affairs', {
    service: 'exam-deferral',
    name: { zh: '缓考申请', en: 'Exam deferral' },
    formFields: [{ name: 'teacher', type: 'cardNumber', label: { zh: '任课教师', en: "Course's teacher" } }],
    start: 'teacher',
    steps: [
      {
        type: 'approval',
        id: 'teacher',
        name: { zh: '任课教师确认', en: "Confirmation by the course's teacher" },
        assignees: [{ field: 'teacher' }],
        deadlineHours: days(1),
        next: 'college',
      },
      {
        type: 'approval',
        id: 'college',
        name: { zh: '学院审批', en: 'Approval by your college' },
        assignees: [{ role: 'teaching-dean', scope: 'applicant.college' }, deputySecretary],
        deadlineHours: days(1),
        next: 'academic-affairs',
      },
      {
        type: 'approval',
        id: 'academic-affairs',
        name: { zh: '教务处备案', en: 'Recorded by Academic Affairs' },
        assignees: [reviewer('academic-affairs')],
        deadlineHours: days(1),
        escalateTo: [headOf('academic-affairs')],
        next: 'end',
      },
    ],
    onComplete: [{ kind: 'copyTo', to: [{ field: 'teacher' }] }],
  }),
}
