import { sql } from 'drizzle-orm'
import { integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'

/**
 * The deployment registry: every version of every browser part (the shell, the shared
 * libraries, each micro-frontend) that was ever registered. The current version of a part is the
 * row that went live last (highest `activation`) and was not rolled back since; the import map is
 * built from those.
 */
export const mfDeployments = sqliteTable(
  'mf_deployments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** `@hall/<folder>`: the same name in the package, the import map and the shell's layout. */
    name: text('name').notNull(),
    version: text('version').notNull(),
    /** Specifier → absolute URL or path, as they go into the import map. */
    imports: text('imports', { mode: 'json' }).$type<Record<string, string>>().notNull(),
    /** Style sheets the page links once (element-plus's CSS, from the shared libraries). */
    styles: text('styles', { mode: 'json' }).$type<string[]>().notNull().default([]),
    /** The page itself (the shell's index.html), when this part has one. */
    html: text('html'),
    /** Where the files are: the hall's own static store (`/static/...`) or any URL. */
    baseUrl: text('base_url').notNull(),
    registeredBy: text('registered_by').notNull(),
    registeredAt: integer('registered_at', { mode: 'timestamp_ms' })
      .notNull()
      .default(sql`(unixepoch('subsec') * 1000)`),
    rolledBackAt: integer('rolled_back_at', { mode: 'timestamp_ms' }),
    rolledBackBy: text('rolled_back_by'),
    /**
     * The order in which the part's versions went live: a registration, or a deploy of a version
     * known already (it becomes current again, even over newer ones), takes the part's highest
     * value plus one. Rows from before this column are 0 and keep their registration order (id).
     */
    activation: integer('activation').notNull().default(0),
  },
  (t) => [uniqueIndex('mf_deployments_name_version').on(t.name, t.version)],
)
