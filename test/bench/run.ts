import { benchBell, benchBellOnPostgres } from './bell.ts'
import { benchCatalog, databases } from './catalog.ts'
import { benchFirstVisit } from './first-visit.ts'
import { benchFloods } from './floods.ts'
import { benchManyNodes } from './many-nodes.ts'
import { benchEngine, benchTaskList } from './tasks.ts'

// Benchmarks print figures; they assert nothing. Each runs against a real hall process (API and
// development IdP, fresh data folder) over real HTTP, with autocannon in this process, so the load
// generator shares the machine's cores with the server: compare figures within one run (ratios),
// not across machines.

// The hot paths against /healthz of the same server: catalog search, /api/me, a reviewer's 待办,
// on SQLite and on PostgreSQL (issue 15.5), or those BENCH_DATABASE names.
for (const database of databases()) await benchCatalog(database)

// The weight of a first visit and Lighthouse's mobile scores on the logged-in catalog (issue 14.1).
await benchFirstVisit()

// One client's flood of each limited route against another person's response times (issue 13.1).
await benchFloods()

// Memory and CPU of one API process with 1,000 and 5,000 open bell streams, on SQLite and on
// PostgreSQL (issue 15.5).
await benchBell()
await benchBellOnPostgres()

// Submissions and approvals per second with 1, 2 and 4 API nodes on one PostgreSQL (issue 15).
await benchManyNodes()

// The reviewers' to-do list with 10,000 and 1,000,000 applications, and the engine (issue 5).
// In process, after the hall above has stopped, so they do not share the cores with it.
benchEngine()
await benchTaskList()
