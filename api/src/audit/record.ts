import { eq } from 'drizzle-orm'
import type { Context } from 'hono'
import { transaction, type Db } from '../db/client.ts'
import { auditLog } from '../db/schema/index.ts'
import { clientAddress } from '../lib/client-address.ts'
import type { AppEnv } from '../lib/context.ts'

export interface AuditEntry {
  /** A card number, `anonymous`, `system`, or `deploy:<token name>`. */
  actor: string
  /** A dotted name, e.g. `login.failed`, `access.denied`, `role.granted`, `deployment.rolled_back`. */
  action: string
  outcome: 'success' | 'denied' | 'failed'
  targetKind?: string
  targetId?: string
  applicationId?: number
  ip?: string
  detail?: Record<string, unknown>
}

const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g

/**
 * Makes a value safe to show as one line of a log or an export: CR, LF and other control
 * characters become their visible escape (`\n`), so a crafted name or path cannot forge a second
 * entry when the log is read as text. Long values are cut, so a flood cannot fill the disk fast.
 */
export function neutralise(value: string, max = 500): string {
  const safe = value.replace(CONTROL, (ch) => (ch === '\n' ? '\\n' : ch === '\r' ? '\\r' : `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`))
  return safe.length > max ? `${safe.slice(0, max)}…` : safe
}

function neutraliseDeep(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return neutralise(value)
  if (depth > 4 || value === null || typeof value !== 'object') return value
  if (Array.isArray(value)) return value.slice(0, 50).map((v) => neutraliseDeep(v, depth + 1))
  return Object.fromEntries(
    Object.entries(value)
      .slice(0, 50)
      .map(([k, v]) => [neutralise(k, 100), neutraliseDeep(v, depth + 1)]),
  )
}

/**
 * Writes one row of the hall's audit log. Call it inside the caller's transaction when the event
 * is a change (a role granted, a version deployed), so the change and its row commit together.
 */
export async function recordAudit(db: Db, at: Date, entry: AuditEntry): Promise<number> {
  const row = (
    await transaction(db, async (tx) =>
      tx
        .insert(auditLog)
        .values({
          at,
          actor: neutralise(entry.actor, 100),
          action: neutralise(entry.action, 100),
          outcome: entry.outcome,
          targetKind: entry.targetKind === undefined ? null : neutralise(entry.targetKind, 100),
          targetId: entry.targetId === undefined ? null : neutralise(entry.targetId, 200),
          applicationId: entry.applicationId ?? null,
          ip: entry.ip === undefined ? null : neutralise(entry.ip, 100),
          detail: neutraliseDeep(entry.detail ?? {}) as Record<string, unknown>,
        })
        .returning({ id: auditLog.id }),
    )
  )[0]!
  return row.id
}

/** Replaces the detail of a row written by recordAudit (an aggregated row's count), neutralised the same way. */
export async function updateAuditDetail(db: Db, id: number, detail: Record<string, unknown>): Promise<void> {
  await transaction(db, async (tx) =>
    tx
      .update(auditLog)
      .set({ detail: neutraliseDeep(detail) as Record<string, unknown> })
      .where(eq(auditLog.id, id)),
  )
}

/** `recordAudit` for a request: the actor is the logged-in person (or `anonymous`), the address the client's. */
export async function auditRequest(c: Context<AppEnv>, entry: Omit<AuditEntry, 'actor' | 'ip'> & { actor?: string }): Promise<number> {
  const { db, now } = c.get('deps')
  return await recordAudit(db, now(), requestEntry(c, entry))
}

/** The entry as auditRequest completes it: the actor of the request and the client address. */
export function requestEntry(c: Context<AppEnv>, entry: Omit<AuditEntry, 'actor' | 'ip'> & { actor?: string }): AuditEntry {
  const { env } = c.get('deps')
  const user = c.get('user')
  const deployer = c.get('deployer')
  return { ...entry, actor: entry.actor ?? user?.cardNumber ?? (deployer ? `deploy:${deployer}` : 'anonymous'), ip: clientAddress(c, env.trustProxyHops) }
}
