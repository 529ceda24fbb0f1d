#!/usr/bin/env node
// `npm run lint`: ESLint over the whole workspace (one run, so the type-aware rules build each
// tsconfig's program once), then `prettier --check .`. Both always run, so one failure does not
// hide the other; the last lines say which failed and the command that fixes it.
import path from 'node:path'
import { ensureInstalled, root, run } from '../lib/index.mjs'

await ensureInstalled()

const bin = (name) => path.join(root, 'node_modules', '.bin', name)
const started = Date.now()
// No --cache: the type-aware rules' findings in one file depend on the types of others, which
// ESLint's per-file cache does not track, so a cached run could pass a file a change broke.
const eslint = await run(bin('eslint'), ['--max-warnings=0', '.'])
const prettier = await run(bin('prettier'), ['--check', '--log-level', 'warn', '.'])
const seconds = ((Date.now() - started) / 1000).toFixed(0)

console.log('')
console.log(`lint: eslint ${eslint === 0 ? 'passed' : 'FAILED'}, prettier ${prettier === 0 ? 'passed' : 'FAILED'} (${seconds} s)`)
if (eslint !== 0) console.log('  eslint: fix the findings above; `npx eslint --fix <files>` fixes the mechanical ones')
if (prettier !== 0) console.log('  prettier: the files listed above are not formatted; `npx prettier --write <files>` formats them')
process.exit(eslint !== 0 || prettier !== 0 ? 1 : 0)
