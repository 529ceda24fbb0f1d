import { createHash, randomBytes } from 'node:crypto'
import { and, desc, eq, isNull } from 'drizzle-orm'
import { recordAudit } from '../../audit/record.ts'
import { transaction, type Db } from '../../db/client.ts'
import { deployTokens } from '../../db/schema/index.ts'
import { HallError } from '../../lib/errors.ts'
import { sameSecret } from '../../lib/secrets.ts'

// Named deploy tokens: made and revoked by administrators, each limited to some parts, kept as a
// hash. HALL_DEPLOY_TOKEN (or the generated data/deploy-token) stays the bootstrap token that
// may deploy every part; a university replaces it with named tokens once the hall runs.

type Row = typeof deployTokens.$inferSelect

/** Who a Bearer token is: the name the registry records and the parts it may touch (`*`: all). */
export interface DeployerIdentity {
  name: string
  parts: '*' | string[]
}

/** The bootstrap token's name in the registry (as before named tokens existed). */
export const BOOTSTRAP_DEPLOYER = 'deploy-token'

const TOKEN_PREFIX = 'hall_dt_'
const hashOf = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex')

export function view(r: Row) {
  return {
    id: r.id,
    name: r.name,
    prefix: r.prefix,
    parts: r.parts,
    createdBy: r.createdBy,
    createdAt: r.createdAt.toISOString(),
    lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
    revokedAt: r.revokedAt?.toISOString() ?? null,
    revokedBy: r.revokedBy,
  }
}

/** Every token, live ones first, newest first. */
export async function listDeployTokens(db: Db): Promise<Row[]> {
  return await db
    .select()
    .from(deployTokens)
    .orderBy(desc(isNull(deployTokens.revokedAt)), desc(deployTokens.id))
}

/** Makes a token: returns it in clear this once, with its row. Audited in the same transaction. */
export async function createDeployToken(
  db: Db,
  at: Date,
  input: { name: string; parts: string[]; createdBy: string; ip?: string },
): Promise<{ token: string; row: Row }> {
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`
  return await transaction(db, async (tx) => {
    const taken = (
      await tx
        .select({ id: deployTokens.id })
        .from(deployTokens)
        .where(and(eq(deployTokens.name, input.name), isNull(deployTokens.revokedAt)))
    )[0]
    if (taken) {
      throw new HallError(
        409,
        'name_taken',
        `A live token is already named "${input.name}": revoke it first, or choose another name`,
        `已有名为“${input.name}”的有效令牌：请先吊销它，或换一个名称`,
      )
    }
    const row = (
      await tx
        .insert(deployTokens)
        .values({
          name: input.name,
          tokenHash: hashOf(token),
          prefix: token.slice(0, TOKEN_PREFIX.length + 4),
          parts: input.parts,
          createdBy: input.createdBy,
          createdAt: at,
        })
        .returning()
    )[0]!
    await recordAudit(tx, at, {
      actor: input.createdBy,
      action: 'deploy_token.created',
      outcome: 'success',
      targetKind: 'deploy_token',
      targetId: String(row.id),
      ip: input.ip,
      detail: { name: row.name, parts: row.parts },
    })
    return { token, row }
  })
}

/** Revokes a live token; revoking one already revoked is a 409 (the first revocation stands). */
export async function revokeDeployToken(db: Db, at: Date, id: number, by: string, ip?: string): Promise<Row> {
  return await transaction(db, async (tx) => {
    const row = (await tx.select().from(deployTokens).where(eq(deployTokens.id, id)))[0]
    if (!row) throw new HallError(404, 'not_found', `There is no deploy token ${id}`, `没有编号为 ${id} 的部署令牌`)
    if (row.revokedAt) {
      throw new HallError(409, 'already_revoked', `The token "${row.name}" was revoked already`, `令牌“${row.name}”已被吊销`)
    }
    const revoked = (
      await tx
        .update(deployTokens)
        .set({ revokedAt: at, revokedBy: by })
        .where(and(eq(deployTokens.id, id), isNull(deployTokens.revokedAt)))
        .returning()
    )[0]!
    await recordAudit(tx, at, {
      actor: by,
      action: 'deploy_token.revoked',
      outcome: 'success',
      targetKind: 'deploy_token',
      targetId: String(id),
      ip,
      detail: { name: row.name, parts: row.parts },
    })
    return revoked
  })
}

/**
 * Who presents this Bearer token, or null for a token that is wrong or revoked. The bootstrap
 * token is compared in constant time; a named one is found by its hash (what is compared is a
 * hash of 32 random bytes, which tells an attacker nothing).
 */
export async function identifyDeployer(db: Db, at: Date, presented: string, bootstrapToken: string): Promise<DeployerIdentity | null> {
  if (bootstrapToken && sameSecret(presented, bootstrapToken)) return { name: BOOTSTRAP_DEPLOYER, parts: '*' }
  if (!presented.startsWith(TOKEN_PREFIX)) return null
  const row = (
    await db
      .select()
      .from(deployTokens)
      .where(and(eq(deployTokens.tokenHash, hashOf(presented)), isNull(deployTokens.revokedAt)))
  )[0]
  if (!row) return null
  await transaction(db, async (tx) => tx.update(deployTokens).set({ lastUsedAt: at }).where(eq(deployTokens.id, row.id)))
  return { name: row.name, parts: row.parts }
}

/** Refuses (403) a token that is not made for `part` (a folder name, or `@hall/<folder>`). */
export function assertMayDeploy(parts: DeployerIdentity['parts'] | undefined, part: string): void {
  if (parts === undefined || parts === '*') return
  const folder = part.replace(/^@hall\//, '')
  if (!parts.includes(folder)) {
    throw new HallError(
      403,
      'token_not_for_part',
      `This deploy token is for ${parts.join(', ')}, not ${folder}: ask an administrator for a token of ${folder}`,
      `此部署令牌仅可部署 ${parts.join('、')}，不能部署 ${folder}；请向系统管理员申请 ${folder} 的令牌`,
    )
  }
}
