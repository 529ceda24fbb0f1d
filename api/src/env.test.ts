import { describe, expect, it } from 'vitest'
import { loadEnv } from './env.ts'

// What a hall of several nodes must be given rather than make for itself. (A shared bucket's case
// is in blobs/blobs.test.ts.)
describe('HALL_DATABASE_URL in production', () => {
  const prod = { NODE_ENV: 'production', HALL_IDP_METADATA: '/etc/hall/idp.xml', HALL_DATABASE_URL: 'postgres://hall@db.campus.example/hall' }
  const token = { HALL_DEPLOY_TOKEN: 'a-deploy-token-of-32-characters!' }
  const keys = { HALL_SP_SIGNING_KEY: '/etc/hall/sp.key', HALL_SP_SIGNING_CERT: '/etc/hall/sp.crt' }

  it('needs the deploy token and the SAML key from the environment: every node on the database must share them', () => {
    expect(() => loadEnv(prod)).toThrow(/HALL_DEPLOY_TOKEN, HALL_SP_SIGNING_KEY and HALL_SP_SIGNING_CERT: required with HALL_DATABASE_URL in production/)
    expect(() => loadEnv({ ...prod, ...token })).toThrow(/\n {2}HALL_SP_SIGNING_KEY and HALL_SP_SIGNING_CERT: required with HALL_DATABASE_URL/)
    expect(loadEnv({ ...prod, ...token, ...keys }).databaseUrl).toBe(prod.HALL_DATABASE_URL)
  })

  it('leaves a development hall and a production hall on its SQLite file to make their own', () => {
    expect(loadEnv({ NODE_ENV: 'test', HALL_DATABASE_URL: prod.HALL_DATABASE_URL }).databaseUrl).toBe(prod.HALL_DATABASE_URL)
    expect(loadEnv({ NODE_ENV: 'production', HALL_IDP_METADATA: '/etc/hall/idp.xml' }).databaseUrl).toBeUndefined()
  })
})
