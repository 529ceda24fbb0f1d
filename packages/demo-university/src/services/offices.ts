// The offices the first batch's services are written for, by the codes the templates use. They
// are the usual offices of a Chinese university; the picker says "usually run by …" with them, and
// adopting maps the code to the adopter's own department.
export const templateOffices: Readonly<Record<string, { nameZh: string; nameEn: string }>> = {
  organisation: { nameZh: '党委组织部', nameEn: 'Organisation Department' },
  'president-office': { nameZh: '校长办公室', nameEn: "President's Office" },
  international: { nameZh: '国际交流处', nameEn: 'International Office' },
  hr: { nameZh: '人事处', nameEn: 'Human Resources Office' },
  'youth-league': { nameZh: '校团委', nameEn: 'Youth League Committee' },
  'student-affairs': { nameZh: '学生工作处', nameEn: 'Student Affairs Office' },
  research: { nameZh: '科学技术研究院', nameEn: 'Research Institute' },
  finance: { nameZh: '财务处', nameEn: 'Finance Office' },
  housing: { nameZh: '后勤公寓管理中心', nameEn: 'Student Housing Centre' },
  'academic-affairs': { nameZh: '教务处', nameEn: 'Academic Affairs Office' },
  'network-centre': { nameZh: '网络与信息中心', nameEn: 'Network and Information Centre' },
  'graduate-school': { nameZh: '研究生院', nameEn: 'Graduate School' },
}
