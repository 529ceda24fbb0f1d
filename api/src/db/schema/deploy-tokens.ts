import { sql } from 'drizzle-orm'
import { integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'

/**
 * Named deploy tokens: each team deploys its own parts with its own token (e.g. "教务处前端组" for
 * mf-forms), so the registry says which team deployed a version, and revoking one team's token
 * leaves the others working. Only a SHA-256 of the token is kept: the token itself is shown once,
 * when it is made. HALL_DEPLOY_TOKEN stays as the bootstrap token for every part.
 */
export const deployTokens = sqliteTable(
  'deploy_tokens',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** Who holds it, as the registry and the audit log will name the deployer. */
    name: text('name').notNull(),
    /** Hex SHA-256 of the whole token. The token is 32 random bytes: no slow hash needed. */
    tokenHash: text('token_hash').notNull(),
    /** The token's first characters, so an administrator can tell which one a script holds. */
    prefix: text('prefix').notNull(),
    /** The parts it may deploy and roll back, as folder names (`mf-todo`). */
    parts: text('parts', { mode: 'json' }).$type<string[]>().notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    lastUsedAt: integer('last_used_at', { mode: 'timestamp_ms' }),
    revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
    revokedBy: text('revoked_by'),
  },
  // Two live tokens never share a name: the name is what the registry records as the deployer.
  (t) => [
    uniqueIndex('deploy_tokens_hash').on(t.tokenHash),
    uniqueIndex('deploy_tokens_live_name')
      .on(t.name)
      .where(sql`revoked_at IS NULL`),
  ],
)
