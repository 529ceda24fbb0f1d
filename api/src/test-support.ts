import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { openDb } from './db/client.ts'
import { loadEnv } from './env.ts'
import type { Deps } from './lib/context.ts'
import { createLogger } from './lib/logger.ts'

/**
 * Dependencies for one test: a private in-memory database with every migration applied, a data
 * folder of its own, a clock the test can move, and a fixed deploy token.
 */
export function testDeps(overrides: Record<string, string> = {}) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'hall-test-'))
  const env = loadEnv({ NODE_ENV: 'test', HALL_DATA_DIR: dataDir, HALL_LOG_LEVEL: 'silent', ...overrides })
  let now = new Date('2026-11-27T02:00:00Z')
  const deps: Deps = {
    db: openDb(':memory:'),
    env,
    log: createLogger('silent'),
    now: () => now,
    deployToken: 'test-deploy-token-0123456789abcdef',
  }
  return {
    deps,
    /** Moves the clock forward by `ms`. */
    advance(ms: number) {
      now = new Date(now.getTime() + ms)
    },
  }
}
