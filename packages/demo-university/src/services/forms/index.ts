import type { FormDefinition } from '@hall/forms/format'
import { serviceDefinitions } from '../all.ts'

// The form of every service of the first batch, by service code (each lives in its service's
// file). Demo mode stores each as version 1's form; adopting a template copies it into a draft.
// The other files here are parts that several offices' forms share.

export const formDefinitions: Record<string, FormDefinition> = Object.fromEntries(serviceDefinitions.map((s) => [s.code, s.form]))
