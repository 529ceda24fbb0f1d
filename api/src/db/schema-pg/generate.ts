// Writes the PostgreSQL twin of the SQLite schema (decision 016, item 2): `tables.ts` here, from the
// tables of `../schema/sqlite.ts` as drizzle describes them at run time, by fixed rewrites, and
// `../schema/index.ts`, which hands out one or the other. The
// SQLite schema stays the one place a table is changed; `npm run db:generate` (api/) runs this
// between the two drizzle-kit migrations. A construct without a rewrite stops the generator with
// its name, rather than being guessed. schema-pg.test.ts checks that both files are what this writes.
//
//   tsx src/db/schema-pg/generate.ts           writes both files
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { Column, SQL, StringChunk, getTableColumns, is } from 'drizzle-orm'
import { SQLiteTable, getTableConfig } from 'drizzle-orm/sqlite-core'
import * as sqlite from '../schema/sqlite.ts'

/** The SQLite default that means "now", in milliseconds: it becomes timestamptz's `now()`. */
const NOW_MS = "(unixepoch('subsec') * 1000)"

/** The SQLite tables by export name, sorted by it (a module namespace's own order differs between loaders). */
export function sqliteTables(): [string, SQLiteTable][] {
  return (Object.entries(sqlite) as [string, unknown][])
    .filter((e): e is [string, SQLiteTable] => is(e[1], SQLiteTable))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
}

/** Plain SQL text of a fragment made of text only (`sql\`status = 'open'\``); anything else stops the generator. */
export function sqlText(fragment: SQL, where: string): string {
  return fragment.queryChunks
    .map((chunk) => {
      if (is(chunk, StringChunk)) return chunk.value.join('')
      throw new Error(`${where}: only plain SQL text is rewritten, found ${chunk?.constructor?.name ?? typeof chunk}`)
    })
    .join('')
}

const literal = (value: unknown) => JSON.stringify(value)

/** One column's pg-core builder call (without the foreign key, which the table adds). */
function columnSource(tableName: string, exportName: string, key: string, column: Column): { code: string; imports: string[] } {
  const where = `${tableName}.${column.name}`
  const type = column.columnType
  const c = column as Column & { defaultFn?: unknown; onUpdateFn?: unknown }
  const imports: string[] = []
  let code: string
  let typed = false
  switch (type) {
    case 'SQLiteInteger':
      imports.push('integer')
      code = `integer(${literal(column.name)})`
      break
    case 'SQLiteTimestamp':
      // Milliseconds (timestamp_ms) or seconds (timestamp): both a Date in TypeScript, timestamptz here.
      imports.push('timestamp')
      code = `timestamp(${literal(column.name)}, { mode: 'date', withTimezone: true, precision: 3 })`
      break
    case 'SQLiteBoolean':
      imports.push('boolean')
      code = `boolean(${literal(column.name)})`
      break
    case 'SQLiteText':
      imports.push('text')
      code = column.enumValues?.length ? `text(${literal(column.name)}, { enum: ${literal(column.enumValues)} })` : `text(${literal(column.name)})`
      break
    case 'SQLiteTextJson':
      imports.push('jsonb')
      code = `jsonb(${literal(column.name)})`
      typed = true
      break
    case 'SQLiteBlobBuffer':
      code = `bytea(${literal(column.name)})`
      break
    default:
      throw new Error(`${where}: no PostgreSQL rewrite for the SQLite column type ${type}`)
  }
  // The TypeScript type of a JSON column exists only in the SQLite source (`$type<…>()`): take it
  // from there, so the two cannot disagree.
  if (typed) code += `.$type<Data<typeof s.${exportName}, ${literal(key)}>>()`
  if (column.primary) code += '.primaryKey()'
  // SQLite gives an INTEGER PRIMARY KEY (a rowid alias) a value when the insert has none, with
  // AUTOINCREMENT or not, and drizzle makes it optional on insert: an identity does both here.
  if (type === 'SQLiteInteger' && column.primary) code += '.generatedByDefaultAsIdentity()'
  if (column.notNull && !column.primary) code += '.notNull()'
  if (c.defaultFn !== undefined || c.onUpdateFn !== undefined) throw new Error(`${where}: $defaultFn/$onUpdateFn have no rewrite`)
  if (column.hasDefault && column.default !== undefined) {
    const value = column.default
    if (is(value, SQL)) {
      const text = sqlText(value, where)
      if (text === NOW_MS && type === 'SQLiteTimestamp') code += '.defaultNow()'
      else throw new Error(`${where}: no PostgreSQL rewrite for the default ${text}`)
    } else if (type === 'SQLiteTimestamp') {
      throw new Error(`${where}: a constant timestamp default has no rewrite`)
    } else {
      code += `.default(${literal(value)})`
    }
  }
  if (column.isUnique) throw new Error(`${where}: a column-level unique() has no rewrite (use a uniqueIndex)`)
  return { code, imports }
}

const columnsList = (table: string, columns: Column[], keys: Map<Column, string>) =>
  `[${columns
    .map((col) => {
      const key = keys.get(col)
      if (!key) throw new Error(`${table}: a column of another table in a key or index`)
      return `t.${key}`
    })
    .join(', ')}]`

/** The source text of `tables.ts`, unformatted. */
function rawSource(): string {
  const tables = sqliteTables()
  const exportOf = new Map<SQLiteTable, string>(tables.map(([name, table]) => [table, name]))
  const imports = new Set<string>(['pgTable'])
  let usesBytea = false
  const blocks: string[] = []

  for (const [exportName, table] of tables) {
    const config = getTableConfig(table)
    const columns = getTableColumns(table)
    const keys = new Map<Column, string>(Object.entries(columns).map(([key, col]) => [col as Column, key]))
    if (config.checks.length) throw new Error(`${config.name}: check constraints have no rewrite yet`)
    if (config.uniqueConstraints.length) throw new Error(`${config.name}: unique constraints have no rewrite (use a uniqueIndex)`)

    // Foreign keys of one column go on the column, as in the SQLite source; composite ones would need a table-level foreignKey().
    const references = new Map<Column, string>()
    for (const fk of config.foreignKeys) {
      const ref = fk.reference()
      if (ref.columns.length !== 1) throw new Error(`${config.name}: composite foreign keys have no rewrite yet`)
      if (ref.name) throw new Error(`${config.name}: named foreign keys have no rewrite yet`)
      const target = exportOf.get(ref.foreignTable)
      const targetKey = Object.entries(getTableColumns(ref.foreignTable)).find(([, col]) => col === ref.foreignColumns[0])?.[0]
      if (!target || !targetKey) throw new Error(`${config.name}: a foreign key to a table outside the schema`)
      const actions = [
        fk.onDelete && fk.onDelete !== 'no action' ? `onDelete: ${literal(fk.onDelete)}` : '',
        fk.onUpdate && fk.onUpdate !== 'no action' ? `onUpdate: ${literal(fk.onUpdate)}` : '',
      ]
        .filter(Boolean)
        .join(', ')
      references.set(ref.columns[0] as Column, `.references(() => ${target}.${targetKey}${actions ? `, { ${actions} }` : ''})`)
    }

    const columnLines = Object.entries(columns).map(([key, col]) => {
      const { code, imports: used } = columnSource(config.name, exportName, key, col as Column)
      used.forEach((i) => imports.add(i))
      if ((col as Column).columnType === 'SQLiteBlobBuffer') usesBytea = true
      return `  ${key}: ${code}${references.get(col as Column) ?? ''},`
    })

    const extras: string[] = []
    for (const pk of config.primaryKeys) {
      imports.add('primaryKey')
      extras.push(`primaryKey({ columns: ${columnsList(config.name, pk.columns, keys)} })`)
    }
    for (const ix of config.indexes) {
      const { name, columns: on, unique, where } = ix.config
      imports.add(unique ? 'uniqueIndex' : 'index')
      if (on.some((col) => !is(col, Column))) throw new Error(`${name}: an index on an expression has no rewrite yet`)
      let code = `${unique ? 'uniqueIndex' : 'index'}(${literal(name)}).on(${columnsList(config.name, on as Column[], keys).slice(1, -1)})`
      if (where) {
        imports.add('sql')
        code += `.where(sql\`${sqlText(where, name)}\`)`
      }
      extras.push(code)
    }
    blocks.push(
      `export const ${exportName} = pgTable(${literal(config.name)}, {\n${columnLines.join('\n')}\n}${extras.length ? `, (t) => [${extras.join(', ')}]` : ''})`,
    )
  }

  const core = [...imports].filter((i) => i !== 'sql').sort()
  if (usesBytea) core.push('customType')
  return [
    '// Generated by generate.ts from ../schema/sqlite.ts: do not edit. Change the SQLite schema, then run',
    '// `npm run db:generate` in api/ (decision 016, item 2).',
    ...(imports.has('sql') ? ["import { sql } from 'drizzle-orm'"] : []),
    `import { ${core.sort().join(', ')} } from 'drizzle-orm/pg-core'`,
    "import type * as s from '../schema/sqlite.ts'",
    '',
    '/** The type a SQLite JSON column declares with `$type<…>()`, for its jsonb twin (`unknown` stays `unknown`). */',
    "type Data<T extends { $inferSelect: Record<string, unknown> }, K extends keyof T['$inferSelect']> = Exclude<T['$inferSelect'][K], null>",
    '',
    ...(usesBytea
      ? [
          "/** SQLite's `blob({ mode: 'buffer' })`: bytes in, a Buffer out. */",
          'const bytea = customType<{ data: Buffer; driverData: Buffer }>({',
          "  dataType: () => 'bytea',",
          '  fromDriver: (value) => Buffer.from(value),',
          '})',
          '',
        ]
      : []),
    blocks.join('\n\n'),
    '',
  ].join('\n')
}

/**
 * The source of `../schema/index.ts`, what services import: each table under its name, typed as
 * the SQLite table, holding the pg-core twin at run time when the process runs on PostgreSQL.
 * Written here because ES modules cannot choose what `export *` exports at run time, and a list
 * kept by hand would drift from the schema.
 */
function indexSource(): string {
  const names = sqliteTables().map(([name]) => name)
  return [
    '// Generated by ../schema-pg/generate.ts: do not edit (add a table to a file of sqlite.ts, then `npm run db:generate`).',
    '//',
    '// What the hall imports its tables from. Types: always the SQLite tables of sqlite.ts, so one',
    '// service source serves both dialects (decision 016, item 1). Values: the SQLite tables, or their',
    '// PostgreSQL twins (../schema-pg/tables.ts) when this process runs on PostgreSQL',
    '// (HALL_DATABASE_URL=postgres://…, read once by ../dialect.ts). The cast is justified by',
    '// schema-pg.test.ts: same columns, keys, indexes, and the same $inferSelect/$inferInsert per table.',
    "import { dialect } from '../dialect.ts'",
    "import * as pg from '../schema-pg/tables.ts'",
    "import * as sqlite from './sqlite.ts'",
    '',
    '// Everything else (types, constants such as deliveryChannels) as sqlite.ts exports it; the tables below take precedence.',
    "export * from './sqlite.ts'",
    '',
    "const onPostgres = dialect === 'postgres'",
    'const pick = <T>(sqliteTable: T, pgTable: unknown): T => (onPostgres ? (pgTable as T) : sqliteTable)',
    '',
    ...names.map((n) => `export const ${n} = pick(sqlite.${n}, pg.${n})`),
    '',
  ].join('\n')
}

const here = path.dirname(fileURLToPath(import.meta.url))
/** The files this writes, with their text. */
export const generatedFiles = {
  tables: path.join(here, 'tables.ts'),
  index: path.join(here, '..', 'schema', 'index.ts'),
}

/** The texts the generated files must hold, formatted by the repository's prettier settings. */
export async function generatePgSchema(): Promise<{ tables: string; index: string }> {
  const prettier = await import('prettier')
  const options = await prettier.resolveConfig(generatedFiles.tables)
  const format = (text: string, filepath: string) => prettier.format(text, { ...options, filepath })
  return { tables: await format(rawSource(), generatedFiles.tables), index: await format(indexSource(), generatedFiles.index) }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const texts = await generatePgSchema()
  for (const key of ['tables', 'index'] as const) {
    writeFileSync(generatedFiles[key], texts[key])
    console.log(`wrote ${path.relative(process.cwd(), generatedFiles[key])}`)
  }
}
