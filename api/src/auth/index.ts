// Auth: the hall as a SAML service provider, server-side sessions, and the CSRF guard.
// The public surface the app wires together (see createApp in ../app.ts).
export { createAuthRoutes, safeReturnTo } from './routes.ts'
export { createSamlServiceProvider, LoginRefused, type LoginRule, type SamlServiceProvider, type VerifiedLogin } from './saml.ts'
export { requireServiceAdmin, requireUser, sessionMiddleware, SESSION_COOKIE } from './sessions.ts'
export { csrfProtection, type CsrfOptions } from './csrf.ts'
export { deployTokenAuth } from './deploy-token.ts'
export type { SessionUser, UserKind } from '../lib/context.ts'
