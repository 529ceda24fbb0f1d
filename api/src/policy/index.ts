import { and, eq, or } from 'drizzle-orm'
import type { Db } from '../db/client.ts'
import { services, tasks } from '../db/schema/index.ts'
import type { SessionUser } from '../lib/context.ts'
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
export type Relation = 'admin' | 'applicant' | 'participant' | 'delegate' | 'copied' | 'owner'

function ownerDepartmentOf(db: Db, serviceCode: string): string | null {
  return db.select({ d: services.ownerDepartmentCode }).from(services).where(eq(services.code, serviceCode)).get()?.d ?? null
}

/** Whether `me` holds (or held, or was copied with) a task row of the application. */
function hasTaskOn(db: Db, applicationId: number, me: string): boolean {
  return !!db
    .select({ id: tasks.id })
    .from(tasks)
    .where(and(eq(tasks.applicationId, applicationId), or(eq(tasks.assigneeCardNumber, me), eq(tasks.onBehalfOf, me), eq(tasks.closedBy, me))))
    .get()
}

/** Whether `me` stands in right now for the assignee of a live task of the application. */
function standsInOn(db: Db, applicationId: number, me: string, now: Date): boolean {
  const live = db
    .select({ assignee: tasks.assigneeCardNumber })
    .from(tasks)
    .where(and(eq(tasks.applicationId, applicationId), eq(tasks.box, 'todo')))
    .all()
  return live.some((t) => delegateOf(db, t.assignee, now) === me)
}

export const policy = {
  /** Administrators run the platform: deployments of micro-frontends, every service. */
  isAdmin: (user: SessionUser | null) => hasRole(user, 'admin'),
  /** Registering or rolling back a version of a browser part. Scripts use the deploy token instead. */
  canManageDeployments: (user: SessionUser | null) => hasRole(user, 'admin'),
  /** Reviewers see the to-do list: anyone who holds a role that handles a step. */
  isReviewer: (user: SessionUser | null) =>
    !!user?.roles.some((g) => !['service-owner', 'admin', 'president-office'].includes(g.role)),
  /** A service's owners (the service-owner role of the owning department) and admins manage it and read its applications. */
  canManageService: (user: SessionUser | null, ownerDepartmentCode: string) =>
    hasRole(user, 'admin') || hasRole(user, 'service-owner', ownerDepartmentCode),

  /**
   * How `user` is related to the application, or null when they may not read it: the applicant,
   * anyone who has or had a task on it (or holds one as a delegate, or stands in for an assignee
   * now), those copied, the service's owners, admins. Nobody else.
   */
  relationTo(db: Db, user: SessionUser | null, app: ApplicationFacts, now: Date): Relation | null {
    if (!user) return null
    const me = user.cardNumber
    if (hasRole(user, 'admin')) return 'admin'
    if (app.applicantCardNumber === me) return 'applicant'
    if (hasTaskOn(db, app.id, me)) return 'participant'
    if (standsInOn(db, app.id, me, now)) return 'delegate'
    if (app.copied.includes(me)) return 'copied'
    const owner = ownerDepartmentOf(db, app.serviceCode)
    if (owner && hasRole(user, 'service-owner', owner)) return 'owner'
    return null
  },

  canReadApplication(db: Db, user: SessionUser | null, app: ApplicationFacts, now: Date): boolean {
    return policy.relationTo(db, user, app, now) !== null
  },

  /**
   * Whether the task is `user`'s to act on: they hold it, it is held for them by their delegate,
   * they closed it (so a second click learns it was decided, rather than that it does not exist),
   * or they stand in right now for its assignee. Copies are nobody's to act on.
   */
  canActOnTask(db: Db, user: SessionUser | null, task: TaskFacts, now: Date): boolean {
    if (!user || task.engineTaskId === null) return false
    const me = user.cardNumber
    return (
      task.assigneeCardNumber === me ||
      task.onBehalfOf === me ||
      task.closedBy === me ||
      (task.box === 'todo' && delegateOf(db, task.assigneeCardNumber, now) === me)
    )
  },

  /** A task page is for whoever may act on the task, and for the recipient of a copy. */
  canReadTask(db: Db, user: SessionUser | null, task: TaskFacts, now: Date): boolean {
    if (!user) return false
    if (task.box === 'cc') return task.assigneeCardNumber === user.cardNumber
    return policy.canActOnTask(db, user, task, now)
  },

  /** Anyone logged in with a record in the data platform may name a substitute for their tasks. */
  canDelegate: (user: SessionUser | null) => !!user?.knownToDataPlatform,
}
