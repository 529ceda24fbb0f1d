import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { accountsFromFile } from './accounts-file.ts'

// DEV_IDP_ACCOUNTS_FILE: the IdP logs in the people of the organisation file a trial imports,
// the same .xlsx or .csv, so a production trial can use it as the university's IdP.

const fixture = (ext: string) => path.join(import.meta.dirname, '..', '..', '..', 'test', 'e2e', 'fixtures', `small-university.${ext}`)

describe('accountsFromFile', () => {
  it.each(['xlsx', 'csv'])('lists the people of the .%s by kind of user, card numbers kept as text', async (ext) => {
    const groups = await accountsFromFile(fixture(ext))
    expect(groups.map((g) => [g.group, g.people.map((p) => p.cardNumber)])).toEqual([
      ['staff', ['9100001', '9100002', '9100003', '9100004', '9100005']],
      ['undergraduate', ['2026910001', '2026910002']],
    ])
    expect(groups[1]!.people[0]).toMatchObject({ name: '林小雨', nameEn: 'Lin Xiaoyu', kind: 'undergraduate', departmentCode: 'college-sci' })
  })
})
