// Every service of the first batch, one file each under its owning office's folder, in the
// catalog's order. Adding a service: write its file (copy a neighbour), then list it here.
import { cadreLeave } from './organisation/cadre-leave.ts'
import { staffTravelAbroad } from './hr/staff-travel-abroad.ts'
import { studentTravelDocuments } from './international/student-travel-documents.ts'
import { introLetter } from './president-office/intro-letter.ts'
import { activityCentreBooking } from './youth-league/activity-centre-booking.ts'
import { workStudy } from './student-affairs/work-study.ts'
import { studentIdReplacement } from './student-affairs/student-id-replacement.ts'
import { undergradLeave } from './student-affairs/undergrad-leave.ts'
import { badgeReplacement } from './student-affairs/badge-replacement.ts'
import { undergradScholarship } from './student-affairs/undergrad-scholarship.ts'
import { patentAgency } from './research/patent-agency.ts'
import { softwareCopyright } from './research/software-copyright.ts'
import { techTransferIntent } from './research/tech-transfer-intent.ts'
import { techTransferContract } from './research/tech-transfer-contract.ts'
import { verticalProjectFinance } from './finance/vertical-project-finance.ts'
import { tuitionBankCard } from './finance/tuition-bank-card.ts'
import { dormChange } from './housing/dorm-change.ts'
import { offCampusLiving } from './housing/off-campus-living.ts'
import { graduateExtendedStay } from './housing/graduate-extended-stay.ts'
import { examDeferral } from './academic-affairs/exam-deferral.ts'
import { leavingSchool } from './academic-affairs/leaving-school.ts'
import { enrolmentCertificate } from './academic-affairs/enrolment-certificate.ts'
import { graduateLeave } from './graduate-school/graduate-leave.ts'
import { ipAddress } from './network-centre/ip-address.ts'
import { emailAccount } from './network-centre/email-account.ts'
import { departmentWebsite } from './network-centre/department-website.ts'
import { subdomainDns } from './network-centre/subdomain-dns.ts'
import { serverSecurityScan } from './network-centre/server-security-scan.ts'
import { virtualServer } from './network-centre/virtual-server.ts'
import { hallQa } from './network-centre/hall-qa.ts'

export const serviceDefinitions = [
  cadreLeave,
  staffTravelAbroad,
  studentTravelDocuments,
  introLetter,
  activityCentreBooking,
  workStudy,
  studentIdReplacement,
  undergradLeave,
  badgeReplacement,
  undergradScholarship,
  patentAgency,
  softwareCopyright,
  techTransferIntent,
  techTransferContract,
  verticalProjectFinance,
  tuitionBankCard,
  dormChange,
  offCampusLiving,
  graduateExtendedStay,
  examDeferral,
  leavingSchool,
  enrolmentCertificate,
  graduateLeave,
  ipAddress,
  emailAccount,
  departmentWebsite,
  subdomainDns,
  serverSecurityScan,
  virtualServer,
  hallQa,
] as const
