import type { ProcessDefinition } from '@hall/workflow'
import { serviceDefinitions } from '../all.ts'

// The process definition of every service of the first batch (each lives in its service's file),
// in the catalog's order. Demo mode stores each as the workflow of the service's first version;
// from then on a department changes its process by publishing a new version, not by editing files.

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

export const processDefinitions = Object.fromEntries(serviceDefinitions.map((s) => [s.code, s.process])) as Record<SeededServiceCode, ProcessDefinition>
