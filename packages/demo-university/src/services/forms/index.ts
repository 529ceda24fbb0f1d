import type { FormDefinition } from '@hall/forms/format'
import { academicGraduateForms } from './academic-graduate.ts'
import { housingForms } from './housing.ts'
import { internationalYouthLeagueForms } from './international-youth-league.ts'
import { networkCentreForms } from './network-centre.ts'
import { personnelForms } from './personnel.ts'
import { researchFinanceForms } from './research-finance.ts'
import { studentAffairsForms } from './student-affairs.ts'

// The form of every seeded service, as version 1 stores it (`service_versions.form`). After the
// seed, a department changes its form by publishing a new version, not by editing these files.

export const formDefinitions: Record<string, FormDefinition> = {
  ...personnelForms,
  ...internationalYouthLeagueForms,
  ...studentAffairsForms,
  ...researchFinanceForms,
  ...housingForms,
  ...academicGraduateForms,
  ...networkCentreForms,
}
