import { config } from 'zod'

// The hall's pages forbid string evaluation (their Content-Security-Policy has no 'unsafe-eval').
// zod compiles object validators with `Function` unless told not to, and its probe for that logs
// a CSP violation in every page that loads the forms. Validation is the same without it. Imported
// first by index.ts (the browser's entry): zod decides when a schema is built, so this must run
// before any schema module. The API imports `@hall/forms/format` and keeps zod's compiled validators.
config({ jitless: true })
