// The shapes of the fictional demo university as the data platform (and the dev IdP) see it.
// The hall never owns this data: it reads it to pre-fill forms and to route applications, so
// every pre-filled value must be traceable to the department system that holds it.

/** The kinds of user the hall tells apart (GLOSSARY: UserKind). */
export type UserKind = 'staff' | 'undergraduate' | 'graduate' | 'international'

export interface Department {
  /** Kebab-case English code, stable across languages: `student-affairs`, `college-cs`. */
  code: string
  nameZh: string
  nameEn: string
  /** Colleges hold students and classes; offices own services and review applications. */
  kind: 'office' | 'college'
  phone: string
  location: string
}

/** A department's business system that the data platform collects from. */
export interface SourceSystem {
  code: string
  nameZh: string
  nameEn: string
  /** The department to ask when a value from this system is wrong. */
  ownerDepartmentCode: string
}

/** An administrative class (行政班); `class` is reserved, hence `klass` (GLOSSARY). */
export interface Klass {
  code: string
  nameZh: string
  nameEn: string
  collegeCode: string
  majorZh: string
  majorEn: string
  enrolmentYear: number
  counsellorCardNumber: string
}

export type RoleCode =
  'counsellor' | 'college-deputy-secretary' | 'college-secretary' | 'head-of-department' | 'reviewer' | 'service-owner' | 'admin' | 'president-office'

/**
 * A role held somewhere. The scope says where: a class code for `counsellor`, a college code for
 * the college roles, a department code for `reviewer`, `service-owner`, `head-of-department` and
 * `president-office`, and `'*'` for `admin`.
 */
export interface RoleGrant {
  role: RoleCode
  scope: string
}

export interface Dormitory {
  building: string
  /** The building's English name, where the housing system has one. */
  buildingEn?: string
  room: string
  bed: string
}

export interface StudentRecord {
  /** Undergraduates belong to a class; graduates and some international students do not. */
  klassCode?: string
  majorZh: string
  majorEn: string
  degree: 'bachelor' | 'master' | 'doctor'
  enrolmentYear: number
  expectedGraduationYear: number
  status: 'enrolled' | 'suspended' | 'graduated'
  /** Absent for students who live off campus. */
  dormitory?: Dormitory
  supervisorCardNumber?: string
  /** ISO 3166-1 alpha-2, so the UI can name the country in either language. */
  nationality?: string
  passportNumberMasked?: string
  bankCardMasked?: string
  idNumberMasked?: string
}

export interface ResearchProject {
  code: string
  titleZh: string
  titleEn: string
  funderZh: string
  funderEn: string
  /** vertical: government-funded (纵向); horizontal: contracted by a company (横向). */
  kind: 'vertical' | 'horizontal'
  budgetYuan: number
}

export interface StaffRecord {
  postZh: string
  postEn: string
  titleZh: string
  titleEn: string
  /** Set for cadres only: the `cadre` eligibility rule reads it. */
  cadreLevel?: 'division' | 'bureau'
  bankCardMasked: string
  researchProjects: ResearchProject[]
}

export interface Person {
  /** Campus card number: always a string (staff numbers start with 0; accounts like `ix2024007`). */
  cardNumber: string
  name: string
  nameEn: string
  kind: UserKind
  gender: 'male' | 'female'
  /** A college for students, the department of employment for staff. */
  departmentCode: string
  email: string
  phone: string
  roles: RoleGrant[]
  /** What the development login page shows next to the name. */
  demoLabelZh: string
  demoLabelEn: string
  student?: StudentRecord
  staff?: StaffRecord
  /**
   * Known to the IdP but not to the data platform (e.g. a visiting scholar who arrived this
   * week): the seed of the platform skips this person, so the hall must cope with an empty record.
   */
  unknownToDataPlatform?: true
}

/** Where a pre-filled value came from, and whom to ask to correct it. */
export interface DataSource {
  system: SourceSystem
  department: Department
}

/**
 * The source system of each Person field path the hall pre-fills ("一表通"). The default is the
 * undergraduate's view; `fieldSourcesByKind` overrides it where another kind's record lives in a
 * different system (a staff member's name comes from HR, a graduate's major from the graduate
 * school). Use `sourceOf(path, kind)` rather than reading the two maps directly.
 */
export const fieldSources: Record<string, string> = {
  name: 'academic-system',
  nameEn: 'academic-system',
  gender: 'academic-system',
  departmentCode: 'academic-system',
  // The mailbox is issued, and the mobile number bound, by the unified login account.
  email: 'identity-card',
  phone: 'identity-card',
  // Classes and their counsellors are managed by student affairs, not by the timetable system.
  'student.klassCode': 'student-affairs-system',
  'student.majorZh': 'academic-system',
  'student.majorEn': 'academic-system',
  'student.degree': 'academic-system',
  'student.enrolmentYear': 'academic-system',
  'student.expectedGraduationYear': 'academic-system',
  'student.status': 'academic-system',
  'student.idNumberMasked': 'academic-system',
  'student.dormitory': 'housing-system',
  'student.supervisorCardNumber': 'graduate-system',
  'student.nationality': 'international-system',
  'student.passportNumberMasked': 'international-system',
  'student.bankCardMasked': 'finance-system',
  'staff.postZh': 'hr-system',
  'staff.postEn': 'hr-system',
  'staff.titleZh': 'hr-system',
  'staff.titleEn': 'hr-system',
  'staff.cadreLevel': 'hr-system',
  'staff.bankCardMasked': 'finance-system',
  'staff.researchProjects': 'research-system',
}

const graduateRecord = [
  'name',
  'nameEn',
  'gender',
  'departmentCode',
  'student.majorZh',
  'student.majorEn',
  'student.degree',
  'student.enrolmentYear',
  'student.expectedGraduationYear',
  'student.status',
  'student.idNumberMasked',
] as const

/** Per-kind exceptions to `fieldSources`. */
export const fieldSourcesByKind: Partial<Record<UserKind, Record<string, string>>> = {
  staff: { name: 'hr-system', nameEn: 'hr-system', gender: 'hr-system', departmentCode: 'hr-system' },
  graduate: Object.fromEntries(graduateRecord.map((path) => [path, 'graduate-system'])),
  international: Object.fromEntries(graduateRecord.map((path) => [path, 'international-system'])),
}
