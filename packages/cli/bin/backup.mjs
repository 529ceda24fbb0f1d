#!/usr/bin/env node
// `npm run backup -- FILE`: an online backup of the hall's SQLite database while the hall runs,
// checked with PRAGMA integrity_check before it is kept. Uses the same HALL_DATA_DIR as the hall.
import { spawnSync } from 'node:child_process'
import { root } from '../lib/index.mjs'

const result = spawnSync(process.execPath, ['--import', 'tsx', 'api/src/ops/backup-cli.ts', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' })
process.exit(result.status ?? 1)
