// Every table of the hall, one file per feature, as SQLite tables: the one place a table is changed.
// drizzle-kit reads this file to write migrations; ../schema-pg/ is generated from it (decision 016).
export * from './org.ts'
export * from './catalog.ts'
export * from './applications.ts'
export * from './feedback.ts'
export * from './notifications.ts'
export * from './deployments.ts'
export * from './auth.ts'
export * from './forms.ts'
export * from './service-admin.ts'
export * from './audit.ts'
export * from './deploy-tokens.ts'
