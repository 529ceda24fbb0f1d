import type { Department, Klass, Person, SourceSystem } from './types.ts'

// Minghu University (明湖大学) is fictional. Every name, phone number, card number and e-mail
// below is invented; phones use the 138-0000-xxxx and 0571-8800xxxx ranges so that they read as
// placeholders. Today, for the demo, is November 2026: the class of 2023 graduates in June 2027.
//
// Card numbers (the login id, GLOSSARY: cardNumber):
// - undergraduates: enrolment year + college (01 cs, 02 fl, 03 em) + class + seat, 10 digits;
// - graduates: enrolment year + degree (10 master, 20 doctor) + college + 4-digit seat, 12 digits;
// - international students: the network-centre account, `ix` + year + 3 digits;
// - staff: the 7-digit HR payroll number, zero-padded, so it starts with 0 and must stay a string.

export const university = { nameZh: '明湖大学', nameEn: 'Minghu University' } as const

export const departments: readonly Department[] = [
  // The 12 offices that own the first batch of services.
  { code: 'organisation', nameZh: '党委组织部', nameEn: 'Organisation Department', kind: 'office', phone: '0571-88001101', location: '行政楼3楼312室' },
  { code: 'president-office', nameZh: '校长办公室', nameEn: "President's Office", kind: 'office', phone: '0571-88001001', location: '行政楼2楼201室' },
  { code: 'international', nameZh: '国际交流处', nameEn: 'International Office', kind: 'office', phone: '0571-88001301', location: '国际交流中心105室' },
  { code: 'hr', nameZh: '人事处', nameEn: 'Human Resources Office', kind: 'office', phone: '0571-88001201', location: '行政楼4楼408室' },
  { code: 'youth-league', nameZh: '校团委', nameEn: 'Youth League Committee', kind: 'office', phone: '0571-88001401', location: '大学生活动中心1楼' },
  { code: 'student-affairs', nameZh: '学生工作处', nameEn: 'Student Affairs Office', kind: 'office', phone: '0571-88001501', location: '综合楼1楼学生事务服务中心' },
  { code: 'research', nameZh: '科学技术研究院', nameEn: 'Research Institute', kind: 'office', phone: '0571-88001601', location: '科研楼6楼603室' },
  { code: 'finance', nameZh: '财务处', nameEn: 'Finance Office', kind: 'office', phone: '0571-88001701', location: '行政楼1楼财务服务大厅' },
  { code: 'housing', nameZh: '后勤公寓管理中心', nameEn: 'Student Housing Centre', kind: 'office', phone: '0571-88001801', location: '明湖苑服务中心' },
  { code: 'academic-affairs', nameZh: '教务处', nameEn: 'Academic Affairs Office', kind: 'office', phone: '0571-88001901', location: '教学楼A座102室' },
  { code: 'network-centre', nameZh: '网络与信息中心', nameEn: 'Network and Information Centre', kind: 'office', phone: '0571-88002001', location: '信息楼1楼服务台' },
  { code: 'graduate-school', nameZh: '研究生院', nameEn: 'Graduate School', kind: 'office', phone: '0571-88002101', location: '研究生院楼203室' },
  // An office that owns no service but reviews one step (book clearance when leaving school).
  { code: 'library', nameZh: '图书馆', nameEn: 'University Library', kind: 'office', phone: '0571-88002201', location: '图书馆1楼总服务台' },
  // Colleges: where students, classes, counsellors and college secretaries belong.
  { code: 'college-cs', nameZh: '计算机科学与技术学院', nameEn: 'College of Computer Science and Technology', kind: 'college', phone: '0571-88003101', location: '计算机楼201室' },
  { code: 'college-fl', nameZh: '外国语学院', nameEn: 'College of Foreign Languages', kind: 'college', phone: '0571-88003201', location: '外语楼105室' },
  { code: 'college-em', nameZh: '经济管理学院', nameEn: 'College of Economics and Management', kind: 'college', phone: '0571-88003301', location: '经管楼308室' },
]

/** The department systems the data platform collects from; each value the hall pre-fills names one. */
export const sourceSystems: readonly SourceSystem[] = [
  { code: 'student-affairs-system', nameZh: '学工系统', nameEn: 'Student affairs system', ownerDepartmentCode: 'student-affairs' },
  { code: 'academic-system', nameZh: '教务系统', nameEn: 'Academic records system', ownerDepartmentCode: 'academic-affairs' },
  { code: 'graduate-system', nameZh: '研究生管理系统', nameEn: 'Graduate records system', ownerDepartmentCode: 'graduate-school' },
  { code: 'hr-system', nameZh: '人事系统', nameEn: 'HR system', ownerDepartmentCode: 'hr' },
  { code: 'finance-system', nameZh: '财务系统', nameEn: 'Finance system', ownerDepartmentCode: 'finance' },
  { code: 'housing-system', nameZh: '公寓管理系统', nameEn: 'Student housing system', ownerDepartmentCode: 'housing' },
  { code: 'identity-card', nameZh: '统一身份认证/一卡通', nameEn: 'Unified login and campus card', ownerDepartmentCode: 'network-centre' },
  { code: 'research-system', nameZh: '科研管理系统', nameEn: 'Research management system', ownerDepartmentCode: 'research' },
  { code: 'international-system', nameZh: '国际学生系统', nameEn: 'International student system', ownerDepartmentCode: 'international' },
]

export const klasses: readonly Klass[] = [
  { code: 'cs-2023-1', nameZh: '计算机科学与技术2023级1班', nameEn: 'Computer Science and Technology 2023, Class 1', collegeCode: 'college-cs', majorZh: '计算机科学与技术', majorEn: 'Computer Science and Technology', enrolmentYear: 2023, counsellorCardNumber: '0017063' },
  { code: 'cs-2025-1', nameZh: '软件工程2025级1班', nameEn: 'Software Engineering 2025, Class 1', collegeCode: 'college-cs', majorZh: '软件工程', majorEn: 'Software Engineering', enrolmentYear: 2025, counsellorCardNumber: '0017063' },
  { code: 'fl-2023-1', nameZh: '英语2023级1班', nameEn: 'English 2023, Class 1', collegeCode: 'college-fl', majorZh: '英语', majorEn: 'English', enrolmentYear: 2023, counsellorCardNumber: '0018391' },
  { code: 'fl-2024-1', nameZh: '日语2024级1班', nameEn: 'Japanese 2024, Class 1', collegeCode: 'college-fl', majorZh: '日语', majorEn: 'Japanese', enrolmentYear: 2024, counsellorCardNumber: '0018391' },
  { code: 'em-2024-1', nameZh: '国际经济与贸易2024级1班', nameEn: 'International Economics and Trade 2024, Class 1', collegeCode: 'college-em', majorZh: '国际经济与贸易', majorEn: 'International Economics and Trade', enrolmentYear: 2024, counsellorCardNumber: '0019264' },
  { code: 'em-2026-1', nameZh: '会计学2026级1班', nameEn: 'Accounting 2026, Class 1', collegeCode: 'college-em', majorZh: '会计学', majorEn: 'Accounting', enrolmentYear: 2026, counsellorCardNumber: '0019264' },
]

export const people: readonly Person[] = [
  // ---------------------------------------------------------------- undergraduates
  {
    cardNumber: '2023010101', name: '李明轩', nameEn: 'Li Mingxuan', kind: 'undergraduate', gender: 'male',
    departmentCode: 'college-cs', email: '2023010101@stu.minghu.edu.cn', phone: '138-0000-2101', roles: [],
    demoLabelZh: '本科生（计算机学院，2027届毕业生）', demoLabelEn: 'Undergraduate (Computer Science, graduating 2027)',
    student: {
      klassCode: 'cs-2023-1', majorZh: '计算机科学与技术', majorEn: 'Computer Science and Technology', degree: 'bachelor',
      enrolmentYear: 2023, expectedGraduationYear: 2027, status: 'enrolled',
      dormitory: { building: '明湖苑3号楼', buildingEn: 'Minghu Court 3', room: '412', bed: '2' },
      bankCardMasked: '6217 **** **** 0423', idNumberMasked: '**************2817',
    },
  },
  {
    cardNumber: '2023010102', name: '王梓涵', nameEn: 'Wang Zihan', kind: 'undergraduate', gender: 'female',
    departmentCode: 'college-cs', email: '2023010102@stu.minghu.edu.cn', phone: '138-0000-2102', roles: [],
    demoLabelZh: '本科生（计算机学院）', demoLabelEn: 'Undergraduate (Computer Science)',
    student: {
      klassCode: 'cs-2023-1', majorZh: '计算机科学与技术', majorEn: 'Computer Science and Technology', degree: 'bachelor',
      enrolmentYear: 2023, expectedGraduationYear: 2027, status: 'enrolled',
      dormitory: { building: '明湖苑8号楼', buildingEn: 'Minghu Court 8', room: '305', bed: '1' },
      bankCardMasked: '6222 **** **** 7719', idNumberMasked: '**************0046',
    },
  },
  {
    cardNumber: '2025010105', name: '赵子豪', nameEn: 'Zhao Zihao', kind: 'undergraduate', gender: 'male',
    departmentCode: 'college-cs', email: '2025010105@stu.minghu.edu.cn', phone: '138-0000-2103', roles: [],
    demoLabelZh: '本科生（软件工程，二年级）', demoLabelEn: 'Undergraduate (Software Engineering, 2nd year)',
    student: {
      klassCode: 'cs-2025-1', majorZh: '软件工程', majorEn: 'Software Engineering', degree: 'bachelor',
      enrolmentYear: 2025, expectedGraduationYear: 2029, status: 'enrolled',
      dormitory: { building: '明湖苑5号楼', buildingEn: 'Minghu Court 5', room: '219', bed: '4' },
      bankCardMasked: '6228 **** **** 3356', idNumberMasked: '**************5531',
    },
  },
  {
    // Lives at home in the city: no dormitory, so dormitory services say why they do not apply.
    cardNumber: '2025010112', name: '胡嘉诚', nameEn: 'Hu Jiacheng', kind: 'undergraduate', gender: 'male',
    departmentCode: 'college-cs', email: '2025010112@stu.minghu.edu.cn', phone: '138-0000-2104', roles: [],
    demoLabelZh: '本科生（软件工程，走读无宿舍）', demoLabelEn: 'Undergraduate (Software Engineering, lives off campus)',
    student: {
      klassCode: 'cs-2025-1', majorZh: '软件工程', majorEn: 'Software Engineering', degree: 'bachelor',
      enrolmentYear: 2025, expectedGraduationYear: 2029, status: 'enrolled',
      bankCardMasked: '6217 **** **** 8802', idNumberMasked: '**************1279',
    },
  },
  {
    // Suspended (休学): services that require enrolled students must turn her away politely.
    cardNumber: '2023020103', name: '刘思琪', nameEn: 'Liu Siqi', kind: 'undergraduate', gender: 'female',
    departmentCode: 'college-fl', email: '2023020103@stu.minghu.edu.cn', phone: '138-0000-2105', roles: [],
    demoLabelZh: '本科生（外国语学院，休学中）', demoLabelEn: 'Undergraduate (Foreign Languages, suspended)',
    student: {
      klassCode: 'fl-2023-1', majorZh: '英语', majorEn: 'English', degree: 'bachelor',
      enrolmentYear: 2023, expectedGraduationYear: 2028, status: 'suspended',
      bankCardMasked: '6222 **** **** 4140', idNumberMasked: '**************3624',
    },
  },
  {
    cardNumber: '2024020108', name: '徐欣怡', nameEn: 'Xu Xinyi', kind: 'undergraduate', gender: 'female',
    departmentCode: 'college-fl', email: '2024020108@stu.minghu.edu.cn', phone: '138-0000-2106', roles: [],
    demoLabelZh: '本科生（外国语学院，日语）', demoLabelEn: 'Undergraduate (Foreign Languages, Japanese)',
    student: {
      klassCode: 'fl-2024-1', majorZh: '日语', majorEn: 'Japanese', degree: 'bachelor',
      enrolmentYear: 2024, expectedGraduationYear: 2028, status: 'enrolled',
      dormitory: { building: '明湖苑10号楼', buildingEn: 'Minghu Court 10', room: '127', bed: '3' },
      bankCardMasked: '6216 **** **** 9031', idNumberMasked: '**************0728',
    },
  },
  {
    cardNumber: '2024030101', name: '杨浩然', nameEn: 'Yang Haoran', kind: 'undergraduate', gender: 'male',
    departmentCode: 'college-em', email: '2024030101@stu.minghu.edu.cn', phone: '138-0000-2107', roles: [],
    demoLabelZh: '本科生（经济管理学院）', demoLabelEn: 'Undergraduate (Economics and Management)',
    student: {
      klassCode: 'em-2024-1', majorZh: '国际经济与贸易', majorEn: 'International Economics and Trade', degree: 'bachelor',
      enrolmentYear: 2024, expectedGraduationYear: 2028, status: 'enrolled',
      dormitory: { building: '明湖苑6号楼', buildingEn: 'Minghu Court 6', room: '508', bed: '1' },
      bankCardMasked: '6228 **** **** 6167', idNumberMasked: '**************4415',
    },
  },
  {
    cardNumber: '2026030103', name: '朱雨桐', nameEn: 'Zhu Yutong', kind: 'undergraduate', gender: 'female',
    departmentCode: 'college-em', email: '2026030103@stu.minghu.edu.cn', phone: '138-0000-2108', roles: [],
    demoLabelZh: '本科生（经济管理学院，新生）', demoLabelEn: 'Undergraduate (Economics and Management, first year)',
    student: {
      klassCode: 'em-2026-1', majorZh: '会计学', majorEn: 'Accounting', degree: 'bachelor',
      enrolmentYear: 2026, expectedGraduationYear: 2030, status: 'enrolled',
      dormitory: { building: '明湖苑11号楼', buildingEn: 'Minghu Court 11', room: '233', bed: '2' },
      bankCardMasked: '6217 **** **** 5584', idNumberMasked: '**************1862',
    },
  },

  // ---------------------------------------------------------------- graduate students
  {
    cardNumber: '202510010007', name: '陶然', nameEn: 'Tao Ran', kind: 'graduate', gender: 'male',
    departmentCode: 'college-cs', email: '202510010007@stu.minghu.edu.cn', phone: '138-0000-2201', roles: [],
    demoLabelZh: '研究生（计算机学院，硕士）', demoLabelEn: "Graduate (Computer Science, master's)",
    student: {
      majorZh: '计算机技术', majorEn: 'Computer Technology', degree: 'master',
      enrolmentYear: 2025, expectedGraduationYear: 2028, status: 'enrolled',
      dormitory: { building: '研究生公寓2号楼', buildingEn: 'Graduate Residence 2', room: '508', bed: '3' },
      supervisorCardNumber: '0005472',
      bankCardMasked: '6222 **** **** 2290', idNumberMasked: '**************3317',
    },
  },
  {
    cardNumber: '202320010002', name: '程博文', nameEn: 'Cheng Bowen', kind: 'graduate', gender: 'male',
    departmentCode: 'college-cs', email: '202320010002@stu.minghu.edu.cn', phone: '138-0000-2202', roles: [],
    demoLabelZh: '研究生（计算机学院，博士，2027届毕业）', demoLabelEn: 'Graduate (Computer Science, PhD, graduating 2027)',
    student: {
      majorZh: '计算机科学与技术', majorEn: 'Computer Science and Technology', degree: 'doctor',
      enrolmentYear: 2023, expectedGraduationYear: 2027, status: 'enrolled',
      dormitory: { building: '研究生公寓1号楼', buildingEn: 'Graduate Residence 1', room: '316', bed: '1' },
      supervisorCardNumber: '0005472',
      bankCardMasked: '6217 **** **** 7046', idNumberMasked: '**************0951',
    },
  },
  {
    cardNumber: '202410030011', name: '方雪', nameEn: 'Fang Xue', kind: 'graduate', gender: 'female',
    departmentCode: 'college-em', email: '202410030011@stu.minghu.edu.cn', phone: '138-0000-2203', roles: [],
    demoLabelZh: '研究生（经济管理学院，硕士）', demoLabelEn: "Graduate (Economics and Management, master's)",
    student: {
      majorZh: '会计学', majorEn: 'Accounting', degree: 'master',
      enrolmentYear: 2024, expectedGraduationYear: 2027, status: 'enrolled',
      dormitory: { building: '研究生公寓3号楼', buildingEn: 'Graduate Residence 3', room: '207', bed: '2' },
      supervisorCardNumber: '0004627',
      bankCardMasked: '6228 **** **** 1185', idNumberMasked: '**************2248',
    },
  },
  {
    // Married and living off campus: a graduate without a dormitory.
    cardNumber: '202520030004', name: '邱子墨', nameEn: 'Qiu Zimo', kind: 'graduate', gender: 'male',
    departmentCode: 'college-em', email: '202520030004@stu.minghu.edu.cn', phone: '138-0000-2204', roles: [],
    demoLabelZh: '研究生（经济管理学院，博士）', demoLabelEn: 'Graduate (Economics and Management, PhD)',
    student: {
      majorZh: '管理科学与工程', majorEn: 'Management Science and Engineering', degree: 'doctor',
      enrolmentYear: 2025, expectedGraduationYear: 2029, status: 'enrolled',
      supervisorCardNumber: '0004627',
      bankCardMasked: '6216 **** **** 6623', idNumberMasked: '**************083X',
    },
  },

  // ---------------------------------------------------------------- international students
  {
    cardNumber: 'ix2024007', name: 'Nguyen Thi Lan', nameEn: 'Nguyen Thi Lan', kind: 'international', gender: 'female',
    departmentCode: 'college-em', email: 'ix2024007@stu.minghu.edu.cn', phone: '138-0000-2301', roles: [],
    demoLabelZh: '留学生（本科，经济管理学院）', demoLabelEn: 'International student (undergraduate, Economics and Management)',
    student: {
      klassCode: 'em-2024-1', majorZh: '国际经济与贸易', majorEn: 'International Economics and Trade', degree: 'bachelor',
      enrolmentYear: 2024, expectedGraduationYear: 2028, status: 'enrolled',
      dormitory: { building: '国际学生公寓1号楼', buildingEn: 'International Student Residence 1', room: '216', bed: '1' },
      nationality: 'VN', passportNumberMasked: 'C****5673', bankCardMasked: '6222 **** **** 3408',
    },
  },
  {
    cardNumber: 'ix2025012', name: 'Amira Haddad', nameEn: 'Amira Haddad', kind: 'international', gender: 'female',
    departmentCode: 'college-cs', email: 'ix2025012@stu.minghu.edu.cn', phone: '138-0000-2302', roles: [],
    demoLabelZh: '留学生（硕士，计算机学院）', demoLabelEn: "International student (master's, Computer Science)",
    student: {
      majorZh: '软件工程', majorEn: 'Software Engineering', degree: 'master',
      enrolmentYear: 2025, expectedGraduationYear: 2027, status: 'enrolled',
      dormitory: { building: '国际学生公寓2号楼', buildingEn: 'International Student Residence 2', room: '405', bed: '1' },
      supervisorCardNumber: '0013018',
      nationality: 'MA', passportNumberMasked: 'UZ*****31', bankCardMasked: '6217 **** **** 9914',
    },
  },
  {
    // A one-year exchange student: no class, no supervisor.
    cardNumber: 'ix2026003', name: 'Lukas Becker', nameEn: 'Lukas Becker', kind: 'international', gender: 'male',
    departmentCode: 'college-fl', email: 'ix2026003@stu.minghu.edu.cn', phone: '138-0000-2303', roles: [],
    demoLabelZh: '留学生（交换生，外国语学院）', demoLabelEn: 'International student (exchange, Foreign Languages)',
    student: {
      majorZh: '汉语言（交换）', majorEn: 'Chinese Language (exchange)', degree: 'bachelor',
      enrolmentYear: 2026, expectedGraduationYear: 2027, status: 'enrolled',
      dormitory: { building: '国际学生公寓1号楼', buildingEn: 'International Student Residence 1', room: '102', bed: '2' },
      nationality: 'DE', passportNumberMasked: 'C01X****7',
    },
  },

  // ---------------------------------------------------------------- network centre
  {
    cardNumber: '0012345', name: '周立群', nameEn: 'Zhou Liqun', kind: 'staff', gender: 'male',
    departmentCode: 'network-centre', email: 'zhouliqun@minghu.edu.cn', phone: '138-0000-1001',
    roles: [{ role: 'head-of-department', scope: 'network-centre' }],
    demoLabelZh: '部门负责人（网络中心，处级干部）', demoLabelEn: 'Head of department (Network Centre, division-level cadre)',
    staff: {
      postZh: '网络与信息中心主任', postEn: 'Director, Network and Information Centre', titleZh: '高级工程师', titleEn: 'Senior Engineer',
      cadreLevel: 'division', bankCardMasked: '6222 **** **** 1001', researchProjects: [],
    },
  },
  {
    cardNumber: '0016032', name: '林晓燕', nameEn: 'Lin Xiaoyan', kind: 'staff', gender: 'female',
    departmentCode: 'network-centre', email: 'linxiaoyan@minghu.edu.cn', phone: '138-0000-1002',
    roles: [{ role: 'reviewer', scope: 'network-centre' }],
    demoLabelZh: '网络中心审核人', demoLabelEn: 'Reviewer (Network Centre)',
    staff: {
      postZh: '网络运行部工程师', postEn: 'Engineer, Network Operations', titleZh: '工程师', titleEn: 'Engineer',
      bankCardMasked: '6222 **** **** 6032', researchProjects: [],
    },
  },
  {
    cardNumber: '0017518', name: '韩志刚', nameEn: 'Han Zhigang', kind: 'staff', gender: 'male',
    departmentCode: 'network-centre', email: 'hanzhigang@minghu.edu.cn', phone: '138-0000-1003',
    roles: [
      { role: 'service-owner', scope: 'network-centre' },
      { role: 'reviewer', scope: 'network-centre' },
    ],
    demoLabelZh: '服务负责人（网络中心）', demoLabelEn: 'Service owner (Network Centre)',
    staff: {
      postZh: '应用服务部主任', postEn: 'Head of Application Services', titleZh: '高级工程师', titleEn: 'Senior Engineer',
      bankCardMasked: '6217 **** **** 7518', researchProjects: [],
    },
  },
  {
    cardNumber: '0019007', name: '宋佳', nameEn: 'Song Jia', kind: 'staff', gender: 'female',
    departmentCode: 'network-centre', email: 'songjia@minghu.edu.cn', phone: '138-0000-1004',
    roles: [{ role: 'admin', scope: '*' }],
    demoLabelZh: '系统管理员', demoLabelEn: 'System administrator',
    staff: {
      postZh: '办事大厅平台管理员', postEn: 'Service Hall platform administrator', titleZh: '工程师', titleEn: 'Engineer',
      bankCardMasked: '6228 **** **** 9007', researchProjects: [],
    },
  },

  // ---------------------------------------------------------------- student affairs
  {
    cardNumber: '0008816', name: '孙海涛', nameEn: 'Sun Haitao', kind: 'staff', gender: 'male',
    departmentCode: 'student-affairs', email: 'sunhaitao@minghu.edu.cn', phone: '138-0000-1011',
    roles: [{ role: 'head-of-department', scope: 'student-affairs' }],
    demoLabelZh: '部门负责人（学生处，处级干部）', demoLabelEn: 'Head of department (Student Affairs, division-level cadre)',
    staff: {
      postZh: '学生工作处处长', postEn: 'Director of Student Affairs', titleZh: '副研究员', titleEn: 'Associate Research Fellow',
      cadreLevel: 'division', bankCardMasked: '6222 **** **** 8816', researchProjects: [],
    },
  },
  {
    cardNumber: '0014420', name: '陈雅婷', nameEn: 'Chen Yating', kind: 'staff', gender: 'female',
    departmentCode: 'student-affairs', email: 'chenyating@minghu.edu.cn', phone: '138-0000-1012',
    roles: [{ role: 'reviewer', scope: 'student-affairs' }],
    demoLabelZh: '学生处审核人', demoLabelEn: 'Reviewer (Student Affairs)',
    staff: {
      postZh: '学生事务管理科科员', postEn: 'Officer, Student Services', titleZh: '讲师', titleEn: 'Lecturer',
      bankCardMasked: '6217 **** **** 4420', researchProjects: [],
    },
  },
  {
    cardNumber: '0015603', name: '吴俊', nameEn: 'Wu Jun', kind: 'staff', gender: 'male',
    departmentCode: 'student-affairs', email: 'wujun@minghu.edu.cn', phone: '138-0000-1013',
    roles: [
      { role: 'service-owner', scope: 'student-affairs' },
      { role: 'reviewer', scope: 'student-affairs' },
    ],
    demoLabelZh: '服务负责人（学生处）', demoLabelEn: 'Service owner (Student Affairs)',
    staff: {
      postZh: '学生资助管理中心主任', postEn: 'Head of the Student Financial Aid Centre', titleZh: '讲师', titleEn: 'Lecturer',
      bankCardMasked: '6222 **** **** 5603', researchProjects: [],
    },
  },

  // ---------------------------------------------------------------- housing
  {
    cardNumber: '0013377', name: '郑丽华', nameEn: 'Zheng Lihua', kind: 'staff', gender: 'female',
    departmentCode: 'housing', email: 'zhenglihua@minghu.edu.cn', phone: '138-0000-1021',
    roles: [{ role: 'reviewer', scope: 'housing' }],
    demoLabelZh: '公寓中心审核人', demoLabelEn: 'Reviewer (Student Housing)',
    staff: {
      postZh: '住宿调配科科员', postEn: 'Officer, Room Allocation', titleZh: '助理研究员', titleEn: 'Assistant Research Fellow',
      bankCardMasked: '6228 **** **** 3377', researchProjects: [],
    },
  },
  {
    cardNumber: '0010254', name: '冯建国', nameEn: 'Feng Jianguo', kind: 'staff', gender: 'male',
    departmentCode: 'housing', email: 'fengjianguo@minghu.edu.cn', phone: '138-0000-1022',
    roles: [
      { role: 'head-of-department', scope: 'housing' },
      { role: 'service-owner', scope: 'housing' },
    ],
    demoLabelZh: '服务负责人（公寓中心，中心主任）', demoLabelEn: 'Service owner (Student Housing, director)',
    staff: {
      postZh: '后勤公寓管理中心主任', postEn: 'Director, Student Housing Centre', titleZh: '高级经济师', titleEn: 'Senior Economist',
      cadreLevel: 'division', bankCardMasked: '6217 **** **** 0254', researchProjects: [],
    },
  },

  // ---------------------------------------------------------------- the other owning offices
  {
    cardNumber: '0011286', name: '何文博', nameEn: 'He Wenbo', kind: 'staff', gender: 'male',
    departmentCode: 'organisation', email: 'hewenbo@minghu.edu.cn', phone: '138-0000-1031',
    roles: [{ role: 'reviewer', scope: 'organisation' }],
    demoLabelZh: '组织部审核人', demoLabelEn: 'Reviewer (Organisation Department)',
    staff: {
      postZh: '干部科科长', postEn: 'Head of the Cadre Section', titleZh: '助理研究员', titleEn: 'Assistant Research Fellow',
      bankCardMasked: '6222 **** **** 1286', researchProjects: [],
    },
  },
  {
    // Coordinates the hall for the whole university (the notice gives this job to the president's office).
    cardNumber: '0009541', name: '谢婉清', nameEn: 'Xie Wanqing', kind: 'staff', gender: 'female',
    departmentCode: 'president-office', email: 'xiewanqing@minghu.edu.cn', phone: '138-0000-1032',
    roles: [
      { role: 'president-office', scope: 'president-office' },
      { role: 'head-of-department', scope: 'president-office' },
      { role: 'reviewer', scope: 'president-office' },
    ],
    demoLabelZh: '校长办公室（平台协调、审核人）', demoLabelEn: "President's Office (hall coordination, reviewer)",
    staff: {
      postZh: '校长办公室主任', postEn: "Director, President's Office", titleZh: '研究员', titleEn: 'Research Fellow',
      cadreLevel: 'division', bankCardMasked: '6217 **** **** 9541', researchProjects: [],
    },
  },
  {
    cardNumber: '0014876', name: '曹玉', nameEn: 'Cao Yu', kind: 'staff', gender: 'female',
    departmentCode: 'international', email: 'caoyu@minghu.edu.cn', phone: '138-0000-1033',
    roles: [{ role: 'reviewer', scope: 'international' }],
    demoLabelZh: '国际处审核人', demoLabelEn: 'Reviewer (International Office)',
    staff: {
      postZh: '出入境管理科科员', postEn: 'Officer, Travel Documents', titleZh: '讲师', titleEn: 'Lecturer',
      bankCardMasked: '6228 **** **** 4876', researchProjects: [],
    },
  },
  {
    cardNumber: '0012093', name: '袁明', nameEn: 'Yuan Ming', kind: 'staff', gender: 'male',
    departmentCode: 'hr', email: 'yuanming@minghu.edu.cn', phone: '138-0000-1034',
    roles: [{ role: 'reviewer', scope: 'hr' }],
    demoLabelZh: '人事处审核人', demoLabelEn: 'Reviewer (Human Resources)',
    staff: {
      postZh: '人事科科员', postEn: 'Officer, Personnel Section', titleZh: '助理研究员', titleEn: 'Assistant Research Fellow',
      bankCardMasked: '6222 **** **** 2093', researchProjects: [],
    },
  },
  {
    cardNumber: '0018245', name: '许丹', nameEn: 'Xu Dan', kind: 'staff', gender: 'female',
    departmentCode: 'youth-league', email: 'xudan@minghu.edu.cn', phone: '138-0000-1035',
    roles: [{ role: 'reviewer', scope: 'youth-league' }],
    demoLabelZh: '校团委审核人', demoLabelEn: 'Reviewer (Youth League)',
    staff: {
      postZh: '校团委社团部部长', postEn: 'Head of Student Clubs, Youth League Committee', titleZh: '讲师', titleEn: 'Lecturer',
      bankCardMasked: '6217 **** **** 8245', researchProjects: [],
    },
  },
  {
    cardNumber: '0011902', name: '邓伟', nameEn: 'Deng Wei', kind: 'staff', gender: 'male',
    departmentCode: 'research', email: 'dengwei@minghu.edu.cn', phone: '138-0000-1036',
    roles: [{ role: 'reviewer', scope: 'research' }],
    demoLabelZh: '科研院审核人', demoLabelEn: 'Reviewer (Research Institute)',
    staff: {
      postZh: '知识产权与成果转化办公室主任', postEn: 'Head of IP and Technology Transfer', titleZh: '副研究员', titleEn: 'Associate Research Fellow',
      bankCardMasked: '6228 **** **** 1902', researchProjects: [],
    },
  },
  {
    cardNumber: '0013650', name: '蒋琳', nameEn: 'Jiang Lin', kind: 'staff', gender: 'female',
    departmentCode: 'finance', email: 'jianglin@minghu.edu.cn', phone: '138-0000-1037',
    roles: [{ role: 'reviewer', scope: 'finance' }],
    demoLabelZh: '财务处审核人', demoLabelEn: 'Reviewer (Finance Office)',
    staff: {
      postZh: '科研经费科会计', postEn: 'Accountant, Research Funds', titleZh: '会计师', titleEn: 'Accountant',
      bankCardMasked: '6222 **** **** 3650', researchProjects: [],
    },
  },
  {
    cardNumber: '0010718', name: '沈国强', nameEn: 'Shen Guoqiang', kind: 'staff', gender: 'male',
    departmentCode: 'academic-affairs', email: 'shenguoqiang@minghu.edu.cn', phone: '138-0000-1038',
    roles: [{ role: 'reviewer', scope: 'academic-affairs' }],
    demoLabelZh: '教务处审核人', demoLabelEn: 'Reviewer (Academic Affairs)',
    staff: {
      postZh: '学籍科科长', postEn: 'Head of Student Records', titleZh: '副研究员', titleEn: 'Associate Research Fellow',
      bankCardMasked: '6217 **** **** 0718', researchProjects: [],
    },
  },
  {
    cardNumber: '0015189', name: '韦芳', nameEn: 'Wei Fang', kind: 'staff', gender: 'female',
    departmentCode: 'graduate-school', email: 'weifang@minghu.edu.cn', phone: '138-0000-1039',
    roles: [{ role: 'reviewer', scope: 'graduate-school' }],
    demoLabelZh: '研究生院审核人', demoLabelEn: 'Reviewer (Graduate School)',
    staff: {
      postZh: '培养办公室科员', postEn: 'Officer, Graduate Education', titleZh: '讲师', titleEn: 'Lecturer',
      bankCardMasked: '6228 **** **** 5189', researchProjects: [],
    },
  },
  {
    cardNumber: '0016744', name: '潘静', nameEn: 'Pan Jing', kind: 'staff', gender: 'female',
    departmentCode: 'library', email: 'panjing@minghu.edu.cn', phone: '138-0000-1040',
    roles: [{ role: 'reviewer', scope: 'library' }],
    demoLabelZh: '图书馆审核人', demoLabelEn: 'Reviewer (Library)',
    staff: {
      postZh: '流通部馆员', postEn: 'Librarian, Circulation', titleZh: '馆员', titleEn: 'Librarian',
      bankCardMasked: '6222 **** **** 6744', researchProjects: [],
    },
  },

  // ---------------------------------------------------------------- College of Computer Science
  {
    cardNumber: '0017063', name: '杜红梅', nameEn: 'Du Hongmei', kind: 'staff', gender: 'female',
    departmentCode: 'college-cs', email: 'duhongmei@minghu.edu.cn', phone: '138-0000-1051',
    roles: [
      { role: 'counsellor', scope: 'cs-2023-1' },
      { role: 'counsellor', scope: 'cs-2025-1' },
    ],
    demoLabelZh: '辅导员（计算机学院）', demoLabelEn: 'Counsellor (Computer Science)',
    staff: {
      postZh: '专职辅导员', postEn: 'Full-time counsellor', titleZh: '讲师', titleEn: 'Lecturer',
      bankCardMasked: '6217 **** **** 7063', researchProjects: [],
    },
  },
  {
    cardNumber: '0009327', name: '高建华', nameEn: 'Gao Jianhua', kind: 'staff', gender: 'male',
    departmentCode: 'college-cs', email: 'gaojianhua@minghu.edu.cn', phone: '138-0000-1052',
    roles: [{ role: 'college-deputy-secretary', scope: 'college-cs' }],
    demoLabelZh: '学院副书记（计算机学院）', demoLabelEn: 'College deputy party secretary (Computer Science)',
    staff: {
      postZh: '计算机科学与技术学院党委副书记', postEn: 'Deputy Party Secretary, College of Computer Science', titleZh: '副研究员', titleEn: 'Associate Research Fellow',
      cadreLevel: 'division', bankCardMasked: '6222 **** **** 9327', researchProjects: [],
    },
  },
  {
    cardNumber: '0006158', name: '唐振宇', nameEn: 'Tang Zhenyu', kind: 'staff', gender: 'male',
    departmentCode: 'college-cs', email: 'tangzhenyu@minghu.edu.cn', phone: '138-0000-1053',
    roles: [{ role: 'college-secretary', scope: 'college-cs' }],
    demoLabelZh: '学院党委书记（计算机学院）', demoLabelEn: 'College party secretary (Computer Science)',
    staff: {
      postZh: '计算机科学与技术学院党委书记', postEn: 'Party Secretary, College of Computer Science', titleZh: '研究员', titleEn: 'Research Fellow',
      cadreLevel: 'division', bankCardMasked: '6228 **** **** 6158', researchProjects: [],
    },
  },
  {
    cardNumber: '0005472', name: '钱学军', nameEn: 'Qian Xuejun', kind: 'staff', gender: 'male',
    departmentCode: 'college-cs', email: 'qianxuejun@minghu.edu.cn', phone: '138-0000-1054', roles: [],
    demoLabelZh: '教授（计算机学院，纵向+横向项目，导师）', demoLabelEn: 'Professor (Computer Science, government and industry projects, supervisor)',
    staff: {
      postZh: '教授、博士生导师', postEn: 'Professor, doctoral supervisor', titleZh: '教授', titleEn: 'Professor',
      bankCardMasked: '6217 **** **** 5472',
      researchProjects: [
        {
          code: 'MH-V-2024-0137', titleZh: '面向边缘计算的联邦学习隐私保护方法研究', titleEn: 'Privacy-preserving federated learning for edge computing',
          funderZh: '国家自然科学基金委员会', funderEn: 'National Natural Science Foundation of China', kind: 'vertical', budgetYuan: 580_000,
        },
        {
          code: 'MH-H-2025-0412', titleZh: '智慧校园数据中台关键技术开发', titleEn: 'Key technologies of a smart-campus data platform',
          funderZh: '明湖智联科技有限公司', funderEn: 'Minghu Zhilian Technology Co., Ltd.', kind: 'horizontal', budgetYuan: 300_000,
        },
      ],
    },
  },
  {
    // Only an industry (horizontal) project: services for government-funded projects must refuse him.
    cardNumber: '0013018', name: '黄思远', nameEn: 'Huang Siyuan', kind: 'staff', gender: 'male',
    departmentCode: 'college-cs', email: 'huangsiyuan@minghu.edu.cn', phone: '138-0000-1055', roles: [],
    demoLabelZh: '副教授（计算机学院，仅横向项目）', demoLabelEn: 'Associate professor (Computer Science, industry project only)',
    staff: {
      postZh: '副教授、硕士生导师', postEn: "Associate Professor, master's supervisor", titleZh: '副教授', titleEn: 'Associate Professor',
      bankCardMasked: '6222 **** **** 3018',
      researchProjects: [
        {
          code: 'MH-H-2026-0058', titleZh: '工业视觉缺陷检测系统研制', titleEn: 'An industrial visual defect-detection system',
          funderZh: '湖滨精密制造有限公司', funderEn: 'Hubin Precision Manufacturing Co., Ltd.', kind: 'horizontal', budgetYuan: 180_000,
        },
      ],
    },
  },

  // ---------------------------------------------------------------- College of Foreign Languages
  {
    cardNumber: '0018391', name: '梁静怡', nameEn: 'Liang Jingyi', kind: 'staff', gender: 'female',
    departmentCode: 'college-fl', email: 'liangjingyi@minghu.edu.cn', phone: '138-0000-1061',
    roles: [
      { role: 'counsellor', scope: 'fl-2023-1' },
      { role: 'counsellor', scope: 'fl-2024-1' },
    ],
    demoLabelZh: '辅导员（外国语学院）', demoLabelEn: 'Counsellor (Foreign Languages)',
    staff: {
      postZh: '专职辅导员', postEn: 'Full-time counsellor', titleZh: '助教', titleEn: 'Teaching Assistant',
      bankCardMasked: '6228 **** **** 8391', researchProjects: [],
    },
  },
  {
    cardNumber: '0010865', name: '董立新', nameEn: 'Dong Lixin', kind: 'staff', gender: 'male',
    departmentCode: 'college-fl', email: 'donglixin@minghu.edu.cn', phone: '138-0000-1062',
    roles: [{ role: 'college-deputy-secretary', scope: 'college-fl' }],
    demoLabelZh: '学院副书记（外国语学院）', demoLabelEn: 'College deputy party secretary (Foreign Languages)',
    staff: {
      postZh: '外国语学院党委副书记', postEn: 'Deputy Party Secretary, College of Foreign Languages', titleZh: '副教授', titleEn: 'Associate Professor',
      cadreLevel: 'division', bankCardMasked: '6217 **** **** 0865', researchProjects: [],
    },
  },
  {
    // Arrived this week: the IdP has an account for her, the data platform has no record yet.
    cardNumber: '0031907', name: '叶青', nameEn: 'Ye Qing', kind: 'staff', gender: 'female',
    departmentCode: 'college-fl', email: 'yeqing@minghu.edu.cn', phone: '138-0000-1063', roles: [],
    demoLabelZh: '访问学者（数据中心暂无记录）', demoLabelEn: 'Visiting scholar (not yet known to the data platform)',
    unknownToDataPlatform: true,
  },

  // ---------------------------------------------------------------- College of Economics and Management
  {
    cardNumber: '0019264', name: '彭晓', nameEn: 'Peng Xiao', kind: 'staff', gender: 'female',
    departmentCode: 'college-em', email: 'pengxiao@minghu.edu.cn', phone: '138-0000-1071',
    roles: [
      { role: 'counsellor', scope: 'em-2024-1' },
      { role: 'counsellor', scope: 'em-2026-1' },
    ],
    demoLabelZh: '辅导员（经济管理学院）', demoLabelEn: 'Counsellor (Economics and Management)',
    staff: {
      postZh: '专职辅导员', postEn: 'Full-time counsellor', titleZh: '讲师', titleEn: 'Lecturer',
      bankCardMasked: '6222 **** **** 9264', researchProjects: [],
    },
  },
  {
    cardNumber: '0008093', name: '蔡永刚', nameEn: 'Cai Yonggang', kind: 'staff', gender: 'male',
    departmentCode: 'college-em', email: 'caiyonggang@minghu.edu.cn', phone: '138-0000-1072',
    roles: [{ role: 'college-deputy-secretary', scope: 'college-em' }],
    demoLabelZh: '学院副书记（经济管理学院）', demoLabelEn: 'College deputy party secretary (Economics and Management)',
    staff: {
      postZh: '经济管理学院党委副书记', postEn: 'Deputy Party Secretary, College of Economics and Management', titleZh: '副研究员', titleEn: 'Associate Research Fellow',
      cadreLevel: 'division', bankCardMasked: '6228 **** **** 8093', researchProjects: [],
    },
  },
  {
    // A professor who is also the college's party secretary (common in Chinese universities).
    cardNumber: '0004627', name: '田慧', nameEn: 'Tian Hui', kind: 'staff', gender: 'female',
    departmentCode: 'college-em', email: 'tianhui@minghu.edu.cn', phone: '138-0000-1073',
    roles: [{ role: 'college-secretary', scope: 'college-em' }],
    demoLabelZh: '学院党委书记、教授（经济管理学院，纵向项目）', demoLabelEn: 'College party secretary and professor (Economics and Management, government project)',
    staff: {
      postZh: '经济管理学院党委书记、博士生导师', postEn: 'Party Secretary, College of Economics and Management; doctoral supervisor', titleZh: '教授', titleEn: 'Professor',
      cadreLevel: 'division', bankCardMasked: '6217 **** **** 4627',
      researchProjects: [
        {
          code: 'MH-V-2025-0221', titleZh: '数字普惠金融与县域居民消费升级研究', titleEn: 'Digital inclusive finance and consumption upgrading in county economies',
          funderZh: '全国哲学社会科学工作办公室', funderEn: 'National Office for Philosophy and Social Sciences', kind: 'vertical', budgetYuan: 200_000,
        },
      ],
    },
  },
]
