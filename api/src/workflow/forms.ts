// The one validation of @hall/forms, reached by its source file rather than the package's index:
// the index also exports the Vue renderer (`HallForm.vue`), which Node cannot load, so importing
// `@hall/forms` from the API fails at run time. This file is the only place that does it; when the
// forms package offers a server entry without the renderer, import from there and delete this.
import { FormDefinitionSchema, type FormDefinition } from '../../../packages/forms/src/definition.ts'
import { validateSubmission, type FieldError } from '../../../packages/forms/src/validate.ts'

export { FormDefinitionSchema, validateSubmission, type FieldError, type FormDefinition }
