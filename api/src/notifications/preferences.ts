import { and, eq, ne, or, sql } from 'drizzle-orm'
import { transaction, type Db } from '../db/client.ts'
import { preparedPerDb } from '../db/prepared.ts'
import { delegations, people, roleGrants, tasks } from '../db/schema/index.ts'
import { deliveryChannels, notificationPreferences, type ChannelChoices, type DeliveryChannel } from '../db/schema/index.ts'
import { defaultChannels, eventKinds, type EventKind } from './kinds.ts'
import { forgetLanguage } from '../auth/session-memory.ts'

export type Language = 'zh-CN' | 'en'

export interface Preferences {
  language: Language
  /** Only what the person chose; `allows` fills in the defaults. */
  channels: ChannelChoices
}

/** A person's preferences, or the defaults (zh-CN, every channel) when they never chose. */
export async function preferencesOf(db: Db, cardNumber: string): Promise<Preferences> {
  const row = (await db.select().from(notificationPreferences).where(eq(notificationPreferences.cardNumber, cardNumber)))[0]
  return { language: row?.language ?? 'zh-CN', channels: row?.channels ?? {} }
}

/** Whether the person wants messages of `kind` on `channel`. In-app is not a channel here: it is always on. */
export function allows(prefs: Preferences, kind: string, channel: DeliveryChannel): boolean {
  return prefs.channels[kind]?.[channel] ?? defaultChannels[channel]
}

/** The channels of `channels` that the person allows for `kind`. */
export function channelsFor(prefs: Preferences, kind: string, channels: readonly DeliveryChannel[]): DeliveryChannel[] {
  return channels.filter((c) => allows(prefs, kind, c))
}

/** Stores a change: the language, and/or choices per kind (merged into what was chosen before). */
export async function updatePreferences(
  db: Db,
  cardNumber: string,
  change: { language?: Language | undefined; channels?: Partial<Record<string, Partial<Record<DeliveryChannel, boolean | undefined>>>> | undefined },
  now: Date,
): Promise<Preferences> {
  const current = await preferencesOf(db, cardNumber)
  const channels: ChannelChoices = { ...current.channels }
  for (const [kind, choice] of Object.entries(change.channels ?? {})) {
    if (!choice) continue
    const merged = { ...channels[kind] }
    for (const c of deliveryChannels) {
      const v = choice[c]
      if (v !== undefined) merged[c] = v
    }
    channels[kind] = merged
  }
  const next = { language: change.language ?? current.language, channels }
  await transaction(db, async (tx) => {
    forgetLanguage(tx, cardNumber)
    await tx
      .insert(notificationPreferences)
      .values({ cardNumber, ...next, updatedAt: now })
      .onConflictDoUpdate({ target: notificationPreferences.cardNumber, set: { ...next, updatedAt: now } })
  })
  return next
}

/**
 * The language the person chose with the language switch, or null when they never chose (the
 * hall then follows each browser's language). Returned by /api/me; it wins over the browser's.
 */
// Read by /api/me on every page load: prepared once per database handle.
const chosenLanguageStatement = preparedPerDb((db) =>
  db
    .select({ language: notificationPreferences.language, chosenAt: notificationPreferences.languageChosenAt })
    .from(notificationPreferences)
    .where(eq(notificationPreferences.cardNumber, sql.placeholder('cardNumber')))
    .prepare(),
)

export async function chosenLanguageOf(db: Db, cardNumber: string): Promise<Language | null> {
  const row = (await chosenLanguageStatement(db).execute({ cardNumber }))[0]
  return row?.chosenAt ? row.language : null
}

/** Keeps the person's choice of language with their account (and e-mails follow it). */
export async function chooseLanguage(db: Db, cardNumber: string, language: Language, now: Date): Promise<void> {
  await transaction(db, async (tx) => {
    forgetLanguage(tx, cardNumber)
    await tx
      .insert(notificationPreferences)
      .values({ cardNumber, language, languageChosenAt: now, updatedAt: now })
      .onConflictDoUpdate({ target: notificationPreferences.cardNumber, set: { language, languageChosenAt: now, updatedAt: now } })
  })
}

/**
 * The kinds of message this person can receive, for their preferences page: a reviewer's kinds
 * only for someone who can be given a task — staff, anyone holding a role, anyone who was given
 * one (an added signer, a transfer) or stands in for someone. A student sees their own kinds.
 */
export async function kindsFor(db: Db, cardNumber: string): Promise<readonly EventKind[]> {
  const reviews =
    (await db.select({ kind: people.kind }).from(people).where(eq(people.cardNumber, cardNumber)))[0]?.kind === 'staff' ||
    !!(await db.select({ c: roleGrants.cardNumber }).from(roleGrants).where(eq(roleGrants.cardNumber, cardNumber)))[0] ||
    !!(
      await db
        .select({ id: tasks.id })
        .from(tasks)
        // A copy (抄送) is not a task: a student copied on something is still a student.
        .where(and(or(eq(tasks.assigneeCardNumber, cardNumber), eq(tasks.onBehalfOf, cardNumber)), ne(tasks.box, 'cc')))
    )[0] ||
    !!(await db.select({ id: delegations.id }).from(delegations).where(eq(delegations.delegate, cardNumber)))[0]
  return reviews ? eventKinds : eventKinds.filter((k) => k.audience !== 'reviewer')
}
