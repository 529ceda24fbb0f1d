import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'

// Login state lives in the database, not in a node's memory, so a restart or a second API node
// sees the same sessions, the same outstanding SAML requests and the same used assertions.

/**
 * SAML requests this service provider sent and has not yet seen answered: AuthnRequests (login)
 * and LogoutRequests (logout). node-saml's cache provider writes a row; the hall adds what the
 * request is for. A login's row is deleted in the same transaction that creates the session, which
 * is what makes a response usable once.
 */
export const samlRequests = sqliteTable(
  'saml_requests',
  {
    /** The request's ID: the InResponseTo of its answer. */
    id: text('id').primaryKey(),
    /** node-saml's value for the key (the request's IssueInstant). */
    value: text('value').notNull(),
    purpose: text('purpose', { enum: ['login', 'logout'] })
      .notNull()
      .default('login'),
    /** Same-origin path to land on after login; chosen at /auth/login, never taken from RelayState. */
    returnTo: text('return_to'),
    /** SHA-256 of the nonce in the browser-binding cookie set with the request. */
    bindingHash: text('binding_hash'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('saml_requests_created').on(t.createdAt)],
)

/**
 * Assertion IDs that have logged someone in. The primary key refuses a second use of the same
 * assertion, even one that would otherwise pass every check. Kept until the assertion expires.
 */
export const samlUsedAssertions = sqliteTable(
  'saml_used_assertions',
  {
    assertionId: text('assertion_id').primaryKey(),
    inResponseTo: text('in_response_to').notNull(),
    cardNumber: text('card_number').notNull(),
    usedAt: integer('used_at', { mode: 'timestamp_ms' }).notNull(),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('saml_used_assertions_expires').on(t.expiresAt), index('saml_used_assertions_request').on(t.inResponseTo)],
)

/**
 * LogoutRequest IDs the IdP sent that have ended sessions. The primary key refuses a second use,
 * so a captured logout link cannot be replayed; rows are purged once the request's short validity
 * window (saml.ts, LOGOUT_REQUEST_MAX_AGE_MS) is over, after which it is refused as stale anyway.
 */
export const samlUsedLogoutRequests = sqliteTable(
  'saml_used_logout_requests',
  {
    requestId: text('request_id').primaryKey(),
    usedAt: integer('used_at', { mode: 'timestamp_ms' }).notNull(),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('saml_used_logout_requests_expires').on(t.expiresAt)],
)

/** The person as the session knows them, fixed at login (see SessionUser in lib/context.ts). */
export interface StoredSessionUser {
  cardNumber: string
  name: string
  nameEn: string
  kind: 'staff' | 'undergraduate' | 'graduate' | 'international' | null
  departmentCode: string | null
  roles: { role: string; scope: string }[]
  knownToDataPlatform: boolean
}

/**
 * Server-side sessions. Only a hash of the session id is stored: a copy of the table (a backup, a
 * log of queries) cannot be turned into a working cookie.
 */
export const sessions = sqliteTable(
  'sessions',
  {
    /** SHA-256 (hex) of the id in the `hall_sid` cookie. */
    idHash: text('id_hash').primaryKey(),
    cardNumber: text('card_number').notNull(),
    user: text('user', { mode: 'json' }).$type<StoredSessionUser>().notNull(),
    /** What the IdP said at login, needed to ask it to log the same person out (SLO). */
    nameId: text('name_id').notNull(),
    nameIdFormat: text('name_id_format'),
    sessionIndex: text('session_index'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    lastSeenAt: integer('last_seen_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('sessions_card_number').on(t.cardNumber), index('sessions_name_id').on(t.nameId)],
)
