import { and, eq, or } from 'drizzle-orm'
import type { Db } from '../db/client.ts'
import { applicationAttachments, applications, attachments, services, tasks } from '../db/schema/index.ts'
import type { SessionUser } from '../lib/context.ts'
import { stateOf } from '../workflow/definitions.ts'
import { delegateOf } from '../workflow/organisation.ts'

// Who may do what, decided in one place (DESIGN rule 8). Routes ask these questions; they never
// look at roles, assignees or copies themselves. Tested as a matrix over real requests in
// policy.matrix.test.ts.
//
// Reading an application that is not yours answers 404, not 403: an id must not tell a stranger
// that the application exists.

const hasRole = (user: SessionUser | null, role: string, scope?: string) =>
  !!user?.roles.some((g) => g.role === role && (scope === undefined || g.scope === scope || g.scope === '*'))

/** What the policy needs to know about an application. */
export interface ApplicationFacts {
  id: number
  applicantCardNumber: string
  serviceCode: string
  /** The engine state's `copied` list (people copied so far), if the application has a state. */
  copied: readonly string[]
  /** The escalation contacts its tasks were escalated to (see `escalationContactsOf`). */
  escalationContacts?: readonly string[]
}

/**
 * Everyone the deadline scan told about an overdue task of the application (the engine tasks'
 * `escalatedTo`): they read it as people copied do, so its files open on their escalation page.
 */
export function escalationContactsOf(state: { tasks: ReadonlyArray<{ escalatedTo?: readonly string[] | undefined }> } | null | undefined): string[] {
  return [...new Set((state?.tasks ?? []).flatMap((t) => t.escalatedTo ?? []))]
}

/** What the policy needs to know about a task row. */
export interface TaskFacts {
  engineTaskId: string | null
  assigneeCardNumber: string
  onBehalfOf: string | null
  closedBy: string | null
  box: string
}

/** The ways a person may be related to an application, strongest first. */
export type Relation = 'admin' | 'applicant' | 'participant' | 'delegate' | 'copied' | 'escalation' | 'owner'

async function ownerDepartmentOf(db: Db, serviceCode: string): Promise<string | null> {
  return (await db.select({ d: services.ownerDepartmentCode }).from(services).where(eq(services.code, serviceCode)))[0]?.d ?? null
}

/** Whether `me` holds (or held, or was copied with) a task row of the application. */
async function hasTaskOn(db: Db, applicationId: number, me: string): Promise<boolean> {
  return !!(
    await db
      .select({ id: tasks.id })
      .from(tasks)
      .where(and(eq(tasks.applicationId, applicationId), or(eq(tasks.assigneeCardNumber, me), eq(tasks.onBehalfOf, me), eq(tasks.closedBy, me))))
  )[0]
}

/** Whether `me` stands in right now for the assignee of a live task of the application. */
async function standsInOn(db: Db, applicationId: number, me: string, now: Date): Promise<boolean> {
  const live = await db
    .select({ assignee: tasks.assigneeCardNumber })
    .from(tasks)
    .where(and(eq(tasks.applicationId, applicationId), eq(tasks.box, 'todo')))
  for (const t of live) if ((await delegateOf(db, t.assignee, now)) === me) return true
  return false
}

export const policy = {
  /** Administrators run the platform: deployments of micro-frontends, every service. */
  isAdmin: (user: SessionUser | null) => hasRole(user, 'admin'),
  /** Registering or rolling back a version of a browser part. Scripts use the deploy token instead. */
  canManageDeployments: (user: SessionUser | null) => hasRole(user, 'admin'),
  /** Reading the development mailbox (/dev/mail): every person's e-mail, so administrators only. */
  canReadDevMail: (user: SessionUser | null) => hasRole(user, 'admin'),
  /** People, their roles and organisation imports (the console's 人员与角色 and 导入 areas). */
  canManageOrganisation: (user: SessionUser | null) => hasRole(user, 'admin'),
  /** Searching and exporting the audit log (logins, denials, roles, deployments, every application's history). */
  canReadAuditLog: (user: SessionUser | null) => hasRole(user, 'admin'),
  /** Making and revoking the named deploy tokens of teams. */
  canManageDeployTokens: (user: SessionUser | null) => hasRole(user, 'admin'),
  /** Seeing progress messages that could not be delivered, and sending them again. */
  canManageNotifications: (user: SessionUser | null) => hasRole(user, 'admin'),
  /** Reviewers see the to-do list: anyone who holds a role that handles a step. */
  isReviewer: (user: SessionUser | null) => !!user?.roles.some((g) => !['service-owner', 'admin', 'president-office'].includes(g.role)),
  /** A service's owners (the service-owner role of the owning department) and admins manage it and read its applications. */
  canManageService: (user: SessionUser | null, ownerDepartmentCode: string) => hasRole(user, 'admin') || hasRole(user, 'service-owner', ownerDepartmentCode),
  /** Service administration is for admins and the service owners of some department; everyone else gets 403 there. */
  canUseServiceAdmin: (user: SessionUser | null) => hasRole(user, 'admin') || hasRole(user, 'service-owner'),
  /**
   * The departments whose services `user` manages: `'*'` for admins. A service of any other
   * department answers 404 in service administration: a draft must not tell an owner of another
   * department that it exists.
   */
  managedDepartments: (user: SessionUser | null): '*' | string[] =>
    hasRole(user, 'admin') ? '*' : (user?.roles.filter((g) => g.role === 'service-owner').map((g) => g.scope) ?? []),

  /**
   * How `user` is related to the application, or null when they may not read it: the applicant,
   * anyone who has or had a task on it (or holds one as a delegate, or stands in for an assignee
   * now), those copied, the escalation contacts told of an overdue task, the service's owners,
   * admins. Nobody else.
   */
  async relationTo(db: Db, user: SessionUser | null, app: ApplicationFacts, now: Date): Promise<Relation | null> {
    if (!user) return null
    const me = user.cardNumber
    if (hasRole(user, 'admin')) return 'admin'
    if (app.applicantCardNumber === me) return 'applicant'
    if (await hasTaskOn(db, app.id, me)) return 'participant'
    if (await standsInOn(db, app.id, me, now)) return 'delegate'
    if (app.copied.includes(me)) return 'copied'
    if (app.escalationContacts?.includes(me)) return 'escalation'
    const owner = await ownerDepartmentOf(db, app.serviceCode)
    if (owner && hasRole(user, 'service-owner', owner)) return 'owner'
    return null
  },

  async canReadApplication(db: Db, user: SessionUser | null, app: ApplicationFacts, now: Date): Promise<boolean> {
    return (await policy.relationTo(db, user, app, now)) !== null
  },

  /**
   * Whether the task is `user`'s to act on: they hold it, it is held for them by their delegate,
   * they closed it (so a second click learns it was decided, rather than that it does not exist),
   * or they stand in right now for its assignee. Copies are nobody's to act on.
   */
  async canActOnTask(db: Db, user: SessionUser | null, task: TaskFacts, now: Date): Promise<boolean> {
    if (!user || task.engineTaskId === null) return false
    const me = user.cardNumber
    return (
      task.assigneeCardNumber === me ||
      task.onBehalfOf === me ||
      task.closedBy === me ||
      (task.box === 'todo' && (await delegateOf(db, task.assigneeCardNumber, now)) === me)
    )
  },

  /**
   * As whom `user` may handle an overdue task (超时处理: see it, take it over, reassign it, urge
   * its assignee): as one of the step's escalation contacts the deadline scan told
   * (`escalation`; the engine checks the same list), or as an administrator (`admin`). Anyone
   * else: null, answered as a 404. `escalatedTo` is the engine task's.
   */
  escalationAuthority(user: SessionUser | null, task: { escalatedTo?: readonly string[] | undefined }): 'escalation' | 'admin' | null {
    if (!user) return null
    if (task.escalatedTo?.includes(user.cardNumber)) return 'escalation'
    if (hasRole(user, 'admin')) return 'admin'
    return null
  },

  /** A task page is for whoever may act on the task, and for the recipient of a copy. */
  async canReadTask(db: Db, user: SessionUser | null, task: TaskFacts, now: Date): Promise<boolean> {
    if (!user) return false
    if (task.box === 'cc') return task.assigneeCardNumber === user.cardNumber
    return await policy.canActOnTask(db, user, task, now)
  },

  /**
   * The person search of the pickers (transfer, add a signer, delegation): staff and anyone who
   * reviews. Students do not browse the directory; they type a card number where they need one.
   */
  canSearchPeople: (user: SessionUser | null) => !!user && (user.kind === 'staff' || policy.isReviewer(user)),

  /**
   * A form's person picker (互换同学, 指导老师): everyone logged in, students too, since a form
   * names the person. What it finds is narrow by design (people.service.ts `pickPeople`).
   */
  canPickPeople: (user: SessionUser | null) => !!user,

  /** Anyone logged in with a record in the data platform may name a substitute for their tasks. */
  canDelegate: (user: SessionUser | null) => !!user?.knownToDataPlatform,

  /**
   * Who may download an uploaded file: its uploader, and whoever may read an application that
   * carries it (a row in `application_attachments`, written on submit and resubmit): the
   * applicant, current and past assignees, their delegates, people copied, the service's owners,
   * admins — `relationTo` decides. Everyone else gets a 404, as if the file did not exist.
   */
  async canReadAttachment(db: Db, user: SessionUser | null, attachmentId: string, now: Date): Promise<boolean> {
    if (!user) return false
    const row = (await db.select({ owner: attachments.ownerCardNumber }).from(attachments).where(eq(attachments.id, attachmentId)))[0]
    if (!row) return false
    if (row.owner === user.cardNumber) return true
    const carriers = await db
      .select({ id: applications.id, applicant: applications.applicantCardNumber, serviceCode: applications.serviceCode, state: applications.state })
      .from(applicationAttachments)
      .innerJoin(applications, eq(applications.id, applicationAttachments.applicationId))
      .where(eq(applicationAttachments.attachmentId, attachmentId))
    for (const a of carriers) {
      const state = stateOf(a.state)
      const facts = {
        id: a.id,
        applicantCardNumber: a.applicant,
        serviceCode: a.serviceCode,
        copied: state?.copied ?? [],
        escalationContacts: escalationContactsOf(state),
      }
      if ((await policy.relationTo(db, user, facts, now)) !== null) return true
    }
    return false
  },

  /** A department's data-error reports are read by those who act on its data (its reviewers, heads, service owners) and admins. */
  canReadDataErrors: (user: SessionUser | null, departmentCode: string) =>
    hasRole(user, 'admin') ||
    ['reviewer', 'head-of-department', 'service-owner'].some((role) => !!user?.roles.some((g) => g.role === role && g.scope === departmentCode)),

  // Feedback (issue 7): ratings, the online Q&A and statistics.

  /**
   * Why `user` may not rate the application, or null when they may: only its applicant (anyone
   * else: `not_yours`, answered as a 404), only once it ended (completed or rejected), only once.
   */
  ratingRefusal(
    user: SessionUser | null,
    app: { applicantCardNumber: string; status: string },
    alreadyRated: boolean,
  ): 'not_yours' | 'not_finished' | 'already_rated' | null {
    if (!user || app.applicantCardNumber !== user.cardNumber) return 'not_yours'
    if (app.status !== 'completed' && app.status !== 'rejected') return 'not_finished'
    if (alreadyRated) return 'already_rated'
    return null
  },
  /**
   * Who rated, and everything that links a rating to its application (its id, the application,
   * the exact time, the step named): administrators always, the rater, and everyone else only
   * when the rating is not anonymous (routes/feedback shows them a veiled view instead).
   */
  canSeeRater: (user: SessionUser | null, rating: { anonymous: boolean; raterCardNumber: string }) =>
    hasRole(user, 'admin') || !rating.anonymous || rating.raterCardNumber === user?.cardNumber,
  /**
   * Questions reach a department (the owning department of the service asked about, or the
   * network centre): its service owners answer them, publish them as FAQ, and admins may too.
   */
  canAnswerQuestion: (user: SessionUser | null, departmentCode: string | null) =>
    hasRole(user, 'admin') || (departmentCode !== null && hasRole(user, 'service-owner', departmentCode)),
  canPublishFaq: (user: SessionUser | null, departmentCode: string | null) =>
    hasRole(user, 'admin') || (departmentCode !== null && hasRole(user, 'service-owner', departmentCode)),
  /** A question is read by its asker and by those who answer it; for anyone else it does not exist. */
  canReadQuestion: (user: SessionUser | null, q: { askerCardNumber: string; departmentCode: string | null }) =>
    !!user && (q.askerCardNumber === user.cardNumber || policy.canAnswerQuestion(user, q.departmentCode)),
  /** The asker closes their question; the answering staff may too (e.g. a duplicate). */
  canCloseQuestion: (user: SessionUser | null, q: { askerCardNumber: string; departmentCode: string | null }) =>
    !!user && (q.askerCardNumber === user.cardNumber || policy.canAnswerQuestion(user, q.departmentCode)),
  /** The departments whose questions `user` answers (`*`: all), for their inbox. */
  questionDepartments: (user: SessionUser | null): string[] | '*' =>
    hasRole(user, 'admin') ? '*' : (user?.roles ?? []).filter((g) => g.role === 'service-owner').map((g) => g.scope),
  /**
   * Whose statistics `user` may see: every service (`*`: administrators and the president's
   * office), the services of the departments they own, or nothing (null).
   */
  statisticsScope(user: SessionUser | null): '*' | string[] | null {
    if (hasRole(user, 'admin') || hasRole(user, 'president-office')) return '*'
    const owned = (user?.roles ?? []).filter((g) => g.role === 'service-owner').map((g) => g.scope)
    return owned.length ? owned : null
  },
}
