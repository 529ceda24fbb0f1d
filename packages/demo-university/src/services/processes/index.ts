import type { ProcessDefinition } from '@hall/workflow'
import { activityCentreBooking } from './youth-league.ts'
import { enrolmentCertificate, examDeferral, leavingSchool } from './academic-affairs.ts'
import { verticalProjectFinance, tuitionBankCard } from './finance.ts'
import { graduateLeave } from './graduate-school.ts'
import { dormChange, graduateExtendedStay, offCampusLiving } from './housing.ts'
import { studentTravelDocuments } from './international.ts'
import {
  departmentWebsite,
  emailAccount,
  hallQa,
  ipAddress,
  serverSecurityScan,
  subdomainDns,
  virtualServer,
} from './network-centre.ts'
import { cadreLeave, introLetter, staffTravelAbroad } from './personnel.ts'
import { patentAgency, softwareCopyright, techTransferContract, techTransferIntent } from './research.ts'
import { badgeReplacement, studentIdReplacement, undergradLeave, undergradScholarship, workStudy } from './student-affairs.ts'

// The process definition of every seeded service (../guides.ts), in the
// seed's order. The API stores each as the workflow of the service's first version; from then on
// a department changes its process by publishing a new version, not by editing these files.

/** The service codes of the first batch, in the seed's order. */
export const serviceCodes = [
  'cadre-leave',
  'staff-travel-abroad',
  'student-travel-documents',
  'intro-letter',
  'activity-centre-booking',
  'work-study',
  'student-id-replacement',
  'undergrad-leave',
  'badge-replacement',
  'undergrad-scholarship',
  'patent-agency',
  'software-copyright',
  'tech-transfer-intent',
  'tech-transfer-contract',
  'vertical-project-finance',
  'tuition-bank-card',
  'dorm-change',
  'off-campus-living',
  'graduate-extended-stay',
  'exam-deferral',
  'leaving-school',
  'enrolment-certificate',
  'graduate-leave',
  'ip-address',
  'email-account',
  'department-website',
  'subdomain-dns',
  'server-security-scan',
  'virtual-server',
  'hall-qa',
] as const

export type SeededServiceCode = (typeof serviceCodes)[number]

export const processDefinitions: Record<SeededServiceCode, ProcessDefinition> = {
  'cadre-leave': cadreLeave,
  'staff-travel-abroad': staffTravelAbroad,
  'student-travel-documents': studentTravelDocuments,
  'intro-letter': introLetter,
  'activity-centre-booking': activityCentreBooking,
  'work-study': workStudy,
  'student-id-replacement': studentIdReplacement,
  'undergrad-leave': undergradLeave,
  'badge-replacement': badgeReplacement,
  'undergrad-scholarship': undergradScholarship,
  'patent-agency': patentAgency,
  'software-copyright': softwareCopyright,
  'tech-transfer-intent': techTransferIntent,
  'tech-transfer-contract': techTransferContract,
  'vertical-project-finance': verticalProjectFinance,
  'tuition-bank-card': tuitionBankCard,
  'dorm-change': dormChange,
  'off-campus-living': offCampusLiving,
  'graduate-extended-stay': graduateExtendedStay,
  'exam-deferral': examDeferral,
  'leaving-school': leavingSchool,
  'enrolment-certificate': enrolmentCertificate,
  'graduate-leave': graduateLeave,
  'ip-address': ipAddress,
  'email-account': emailAccount,
  'department-website': departmentWebsite,
  'subdomain-dns': subdomainDns,
  'server-security-scan': serverSecurityScan,
  'virtual-server': virtualServer,
  'hall-qa': hallQa,
}
