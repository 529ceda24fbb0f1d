// The form format of @hall/forms without its Vue renderer (which Node cannot load): the
// package's `./format` entry. The forms features of the API import the format from here.
export {
  allFields,
  FormDefinitionSchema,
  validateDefinition,
  type AttachmentField,
  type ColumnField,
  type Field,
  type FormDefinition,
  type LocalizedText,
  type Option,
  type Section,
} from '@hall/forms/format'
export { acceptsMime, validateSubmission } from '@hall/forms/format'
export { acceptedFileTypes, describeFileTypes, FILE_TYPES } from '@hall/forms/format'
export { initialValues } from '@hall/forms/format'
export { matchesPattern } from '@hall/forms/format'
