import { describe, expect, it } from 'vitest'
import { serviceVersions } from '../db/schema/index.ts'
import { seedDemo } from '../demo/index.ts'
import { testDeps } from '../test-support.ts'
import { allFields, matchesPattern, validateDefinition, type FormDefinition } from '@hall/forms/format'

// Issue 13 moved owners' patterns from RegExp to RE2. The seeded services' patterns must mean
// what they meant: every one is accepted, and both engines agree on values near and far from it.
const PROBES = [
  '',
  'a',
  'CS2031',
  'cs2031',
  'CS20311',
  '310012',
  '31001',
  '3C:52:82:1A:2B:3C',
  '3c-52-82-1a-2b-3c',
  '3C:52:82:1A:2B',
  'lab-web',
  'Lab-web',
  '-lab',
  'mingzhang',
  'ab',
  'office@minghu.edu.cn',
  'office@minghu_edu.cn',
  '10.12.3.45',
  '256.1.1.1',
  '10.12.3',
  '80,443',
  '80, 443',
  '8000-8080',
  '80,,443',
  'E12345678',
  'E1234',
  'V1.0',
  'V1.0.0.0.0',
  'v1.0',
  '91330100MA2B3C4D5E',
  '91330100MA2B3C4D5I',
  '6222021234567890123',
  '622202123456789',
  '张明',
  'a b',
  ' x',
  '123456\n',
]

describe('the seeded services’ patterns under RE2', async () => {
  const { deps } = await testDeps()
  await seedDemo(deps.db, deps.now())
  const patterns = (await deps.db.select({ code: serviceVersions.serviceCode, form: serviceVersions.form }).from(serviceVersions)).flatMap(({ code, form }) =>
    form
      ? allFields(form as FormDefinition).flatMap(({ field }) =>
          [field, ...(field.type === 'table' ? field.columns : [])].flatMap((f) =>
            f.type === 'text' && f.pattern ? [{ code, key: f.key, regex: f.pattern.regex }] : [],
          ),
        )
      : [],
  )

  it('there are patterns to check', () => expect(patterns.length).toBeGreaterThanOrEqual(10))

  it('every seeded form is still accepted', async () => {
    const forms = await deps.db.select({ code: serviceVersions.serviceCode, form: serviceVersions.form }).from(serviceVersions)
    for (const { code, form } of forms) if (form) expect(validateDefinition(form), code).toMatchObject({ ok: true })
  })

  it('RE2 and RegExp agree on every probe', () => {
    for (const { code, key, regex } of patterns) {
      // These patterns are the seed's own and benign, so running them on RegExp here is safe.
      const native = new RegExp(`^(?:${regex})$`, 'u')
      for (const probe of PROBES) expect(matchesPattern(regex, probe), `${code}.${key} ${regex} on ${JSON.stringify(probe)}`).toBe(native.test(probe))
    }
  })
})
