import type { ServiceDefinition } from '../types.ts'
import { desks, at, req, opt, step } from '../guide-kit.ts'
import { t, options, PDF_OR_IMAGES, file, undergraduateApplicant, pledge, notice } from '../forms/common.ts'
import { counsellor, deputySecretary, reviewer, headOf, days, seeded } from '../processes/rules.ts'
import { bankCard } from '../forms/student-affairs.ts'

// undergrad-scholarship: its catalog entry and guide, its form and its process, in one place.
export const undergradScholarship: ServiceDefinition = {
  code: 'undergrad-scholarship',
  nameZh: '本科生奖学金申请',
  nameEn: 'Undergraduate scholarship',
  summaryZh: '本科生申请学校奖学金（学业优秀、专项、社会捐赠等），学院评审公示后由学生工作处审定。',
  summaryEn:
    'Undergraduates apply for university scholarships – for academic merit, special achievements or from donors; the college assesses and publishes the results, and Student Affairs confirms them.',
  keywordsZh: ['奖学金', '评奖评优', '学业奖学金', '国家奖学金', '励志奖学金', '评优', '奖励'],
  keywordsEn: ['scholarship', 'award', 'merit scholarship', 'prize', 'national scholarship', 'grant', 'bursary'],
  categoryCode: 'awards-aid',
  ownerDepartmentCode: 'student-affairs',
  audience: ['undergraduate'],
  mode: 'online',
  timeLimitDays: 15,
  eligibility: [{ type: 'kind', kinds: ['undergraduate'] }, { type: 'studentStatus', status: 'enrolled' }, { type: 'noneInProgress' }],
  guide: {
    zh: {
      conditions: [
        '本校在读本科生（一年级新生自第二学期起可申请）',
        '上一学年学业成绩和综合测评排名达到所申请奖项的要求',
        '无不及格课程，未受任何纪律处分',
        '同一学年内同一级别的奖学金不可兼得',
      ],
      materials: [req('奖学金申请表', '成绩和综合测评由教务系统、学工系统自动带出'), req('个人陈述', '不超过 800 字'), opt('获奖证书、科研成果等证明材料')],
      steps: [step('辅导员初审', '辅导员'), step('学院评审并公示', '学院奖助学金评审小组'), step('学生工作处审定', '学生工作处学生资助管理中心')],
      fees: '无',
      ...at(desks.studentAffairs, 'zh'),
      notes: ['每年 9 月至 10 月集中受理，其余时间只受理专项奖学金。'],
    },
    en: {
      conditions: [
        'You are an undergraduate in school (first-year students from their second term).',
        "Last year's grades and overall assessment ranking meet the requirements of the award.",
        'You failed no course and have no disciplinary record.',
        'You cannot hold two scholarships of the same level in one school year.',
      ],
      materials: [
        req('Scholarship application form', 'Grades and rankings are filled in from the academic and student affairs systems'),
        req('Personal statement', 'Up to 800 Chinese characters or 500 words'),
        opt('Certificates of prizes, publications or other achievements'),
      ],
      steps: [
        step('First review by your counsellor', 'Counsellor'),
        step('Assessment and public notice by your college', 'College scholarship committee'),
        step('Confirmed by Student Affairs', 'Student Financial Aid Centre, Student Affairs'),
      ],
      fees: 'None',
      ...at(desks.studentAffairs, 'en'),
      notes: ['The main round runs in September and October; at other times only special scholarships are open.'],
    },
  },
  /** 本科生奖学金申请. */
  form: {
    formatVersion: 1,
    labelPosition: 'top',
    sections: [
      undergraduateApplicant({ extra: [bankCard()] }),
      {
        key: 'scholarship',
        title: t('申请奖项', 'Scholarship'),
        fields: [
          {
            key: 'scholarship',
            type: 'select',
            label: t('奖学金名称', 'Scholarship'),
            span: 12,
            required: true,
            display: 'dropdown',
            options: options([
              ['national', '国家奖学金', 'National Scholarship'],
              ['national-encouragement', '国家励志奖学金', 'National Encouragement Scholarship'],
              ['university-first', '校一等奖学金', 'University Scholarship, first class'],
              ['university-second', '校二等奖学金', 'University Scholarship, second class'],
              ['university-third', '校三等奖学金', 'University Scholarship, third class'],
              ['special', '专项奖学金', 'Named scholarship'],
            ]),
          },
          {
            key: 'specialName',
            type: 'text',
            label: t('专项奖学金名称', 'Name of the scholarship'),
            span: 12,
            required: true,
            maxLength: 60,
            visibleWhen: { field: 'scholarship', op: 'eq', value: 'special' },
          },
          {
            key: 'academicYear',
            type: 'select',
            label: t('评定学年', 'For the academic year'),
            span: 12,
            required: true,
            options: options([['2025-2026', '2025–2026 学年', '2025–2026']]),
          },
          { key: 'gpa', type: 'number', label: t('上一学年平均学分绩点', "Last year's GPA"), span: 8, required: true, min: 0, max: 5, precision: 2 },
          { key: 'gradeRank', type: 'number', label: t('专业成绩排名', 'Rank in your major'), span: 8, required: true, integer: true, min: 1, max: 2000 },
          { key: 'majorSize', type: 'number', label: t('专业人数', 'Students in your major'), span: 8, required: true, integer: true, min: 1, max: 2000 },
          {
            key: 'statement',
            type: 'textarea',
            label: t('个人陈述', 'Personal statement'),
            required: true,
            minLength: 100,
            maxLength: 800,
            rows: 8,
            help: t('不超过 800 字', 'At most 800 characters'),
          },
        ],
      },
      {
        key: 'achievements',
        title: t('获奖与成果', 'Awards and achievements'),
        fields: [
          {
            key: 'awards',
            type: 'table',
            label: t('获奖、科研成果', 'Awards and research'),
            maxRows: 20,
            addLabel: t('添加一项', 'Add one'),
            columns: [
              { key: 'awardTitle', type: 'text', label: t('名称', 'Title'), required: true, maxLength: 80, span: 12 },
              {
                key: 'level',
                type: 'select',
                label: t('级别', 'Level'),
                required: true,
                display: 'dropdown',
                span: 6,
                options: options([
                  ['national', '国家级', 'National'],
                  ['provincial', '省部级', 'Provincial'],
                  ['university', '校级', 'University'],
                  ['college', '院级', 'College'],
                ]),
              },
              { key: 'awardedOn', type: 'date', label: t('时间', 'Date'), span: 6, max: { today: 0 } },
            ],
          },
          file('transcript', t('成绩单', 'Transcript'), 'transcript', {
            accept: PDF_OR_IMAGES,
            help: t('教务系统打印的成绩单', 'A transcript printed from the academic records system'),
          }),
          file('evidence', t('证明材料', 'Evidence'), 'award-certificate', {
            maxFiles: 10,
            accept: [...PDF_OR_IMAGES],
            help: t('获奖证书、科研成果等', 'Certificates, publications and the like'),
          }),
          notice(
            'season',
            '每年 9 月至 10 月集中受理，其余时间只受理专项奖学金。',
            'Applications open in September and October; at other times only named scholarships are taken.',
          ),
        ],
      },
      pledge(
        '本人无不及格课程、未受任何纪律处分，同一学年内不兼得同一级别的奖学金',
        'I failed no course, have no disciplinary record, and hold no other scholarship of the same level this year',
      ),
    ],
  },
  /**
   * 本科生奖学金申请: the counsellor's first review, the college's scholarship committee (every member
   * signs; where no committee is on record, the deputy secretary), then Student Affairs confirms.
   */
  process: seeded('student-affairs', {
    service: 'undergrad-scholarship',
    name: { zh: '本科生奖学金申请', en: 'Undergraduate scholarship' },
    formFields: [],
    start: 'counsellor',
    steps: [
      {
        type: 'approval',
        id: 'counsellor',
        name: { zh: '辅导员初审', en: 'First review by your counsellor' },
        assignees: [counsellor],
        deadlineHours: days(3),
        next: 'committee',
      },
      {
        type: 'approval',
        id: 'committee',
        name: { zh: '学院评审并公示', en: 'Assessment and public notice by your college' },
        assignees: [{ role: 'scholarship-committee', scope: 'applicant.college' }, deputySecretary],
        sign: 'all',
        deadlineHours: days(7),
        next: 'student-affairs',
      },
      {
        type: 'approval',
        id: 'student-affairs',
        name: { zh: '学生工作处审定', en: 'Confirmed by Student Affairs' },
        assignees: [reviewer('student-affairs')],
        deadlineHours: days(5),
        escalateTo: [headOf('student-affairs')],
        next: 'end',
      },
    ],
  }),
}
