import type { CategorySeed } from './types.ts'

// Categories are named the way a student or a member of staff thinks of the task, not after the
// office that owns it: "housing", not "Student Housing Centre".
export const categories: readonly CategorySeed[] = [
  { code: 'study', nameZh: '学业学籍', nameEn: 'Studies and records', icon: 'Reading', order: 1 },
  { code: 'awards-aid', nameZh: '奖助资助', nameEn: 'Scholarships and financial aid', icon: 'Trophy', order: 2 },
  { code: 'life-housing', nameZh: '生活住宿', nameEn: 'Housing and campus life', icon: 'House', order: 3 },
  { code: 'finance', nameZh: '财务缴费', nameEn: 'Payments and finance', icon: 'Wallet', order: 4 },
  { code: 'travel-abroad', nameZh: '出国出境', nameEn: 'Travel abroad', icon: 'Promotion', order: 5 },
  { code: 'research', nameZh: '科研服务', nameEn: 'Research', icon: 'Opportunity', order: 6 },
  { code: 'network-it', nameZh: '网络与信息化', nameEn: 'Network and IT', icon: 'Monitor', order: 7 },
  { code: 'campus-activities', nameZh: '校园活动', nameEn: 'Campus activities', icon: 'Flag', order: 8 },
  { code: 'personnel-admin', nameZh: '人事行政', nameEn: 'Staff and administration', icon: 'Briefcase', order: 9 },
  { code: 'hall-help', nameZh: '办事大厅帮助', nameEn: 'Help with the Service Hall', icon: 'QuestionFilled', order: 10 },
]
