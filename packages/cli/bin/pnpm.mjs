#!/usr/bin/env node
// Runs the pinned pnpm with the given arguments. A fresh machine has only Node.js and npm, and
// `corepack pnpm` fails here, so the root scripts obtain pnpm through npx themselves.
import { pnpm } from '../lib/index.mjs'

process.exitCode = await pnpm(process.argv.slice(2))
