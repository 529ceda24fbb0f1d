// Every table of the hall, one file per feature. drizzle-kit reads this file to write migrations.
export * from './org.ts'
export * from './catalog.ts'
export * from './applications.ts'
export * from './feedback.ts'
export * from './notifications.ts'
export * from './deployments.ts'
export * from './auth.ts'
export * from './forms.ts'
