import type { SessionUser } from '../lib/context.ts'

// Who may do what, decided in one place (DESIGN rule 8). Routes ask these questions; they never
// look at roles themselves. Tested as a matrix in policy.test.ts.

const hasRole = (user: SessionUser | null, role: string, scope?: string) =>
  !!user?.roles.some((g) => g.role === role && (scope === undefined || g.scope === scope || g.scope === '*'))

export const policy = {
  /** Administrators run the platform: deployments of micro-frontends, every service. */
  isAdmin: (user: SessionUser | null) => hasRole(user, 'admin'),
  /** Registering or rolling back a version of a browser part. Scripts use the deploy token instead. */
  canManageDeployments: (user: SessionUser | null) => hasRole(user, 'admin'),
  /** Reviewers see the to-do list: anyone who holds a role that handles a step. */
  isReviewer: (user: SessionUser | null) =>
    !!user?.roles.some((g) => !['service-owner', 'admin', 'president-office'].includes(g.role)),
}
