#!/usr/bin/env node
// `npm run lint`: ESLint with typescript-eslint's type-aware rules over the whole workspace, then
// `prettier --check .`. The type-aware rules need a TypeScript program, and ESLint runs on one core,
// so the workspace is linted by two ESLint processes side by side, one per core of CI's 2-core
// machine, over disjoint folders, each building one program (eslint.config.js says which):
//   - api/ (api/tsconfig.json), then `prettier --check .` on the same core;
//   - everything else (tsconfig.eslint.json: packages/, shell/, mf-*/, test/; .vue without types).
// Measured on this 2-core machine (README § Lint and format): 162 CPU-s for the three jobs, about
// 1.5 minutes of wall time on a quiet machine (before: 36 CPU-s, syntactic rules only; the typed
// rules through the project service took ~8 CPU-minutes). Other engineers' tests were loading the
// machine (load average 18-25), so the wall time measured there, 13 min 40 s, says little.
// Every job always runs, so one failure does not hide another; each job's output is printed whole
// when it ends, and the last lines say which failed and the command that fixes it.
import { spawn } from 'node:child_process'
import path from 'node:path'
import { ensureInstalled, root } from '../lib/index.mjs'

await ensureInstalled()

const bin = (name) => path.join(root, 'node_modules', '.bin', name)

/** Runs a command with its output held back, then prints it under a title; resolves with the exit code. */
function job(title, cmd, args) {
  return new Promise((resolve, reject) => {
    const started = Date.now()
    const child = spawn(cmd, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: process.stdout.isTTY ? '1' : '0' } })
    const out = []
    child.stdout.on('data', (d) => out.push(d))
    child.stderr.on('data', (d) => out.push(d))
    child.on('error', reject)
    child.on('close', (code, signal) => {
      const status = code ?? (signal ? 1 : 0)
      const text = Buffer.concat(out).toString().trimEnd()
      console.log(`── ${title}: ${status === 0 ? 'passed' : 'FAILED'} (${((Date.now() - started) / 1000).toFixed(0)} s)`)
      if (text) console.log(text)
      resolve(status)
    })
  })
}

const started = Date.now()
// No --cache: the type-aware rules' findings in one file depend on the types of others, which
// ESLint's per-file cache does not track, so a cached run could pass a file a change broke.
const eslintArgs = ['--max-warnings=0']
const apiThenPrettier = (async () => {
  const eslint = await job('eslint api/', bin('eslint'), [...eslintArgs, 'api'])
  const prettier = await job('prettier --check .', bin('prettier'), ['--check', '--log-level', 'warn', '.'])
  return { eslint, prettier }
})()
const rest = job('eslint packages/ shell/ mf-*/ test/ (and the root files)', bin('eslint'), [...eslintArgs, '--ignore-pattern', 'api/**', '.'])
const [{ eslint: eslintApi, prettier }, eslintRest] = await Promise.all([apiThenPrettier, rest])
const eslint = eslintApi !== 0 ? eslintApi : eslintRest
const seconds = ((Date.now() - started) / 1000).toFixed(0)

console.log('')
console.log(`lint: eslint ${eslint === 0 ? 'passed' : 'FAILED'}, prettier ${prettier === 0 ? 'passed' : 'FAILED'} (${seconds} s)`)
if (eslint !== 0) console.log('  eslint: fix the findings above; `npx eslint --fix <files>` fixes the mechanical ones')
if (prettier !== 0) console.log('  prettier: the files listed above are not formatted; `npx prettier --write <files>` formats them')
process.exit(eslint !== 0 || prettier !== 0 ? 1 : 0)
