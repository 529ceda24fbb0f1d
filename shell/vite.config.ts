import { shellConfig } from '@hall/vite-config'
import { defineConfig } from 'vite'

// On every page the root config asks who is signed in and the header asks for its two badges' counts
// (stores/session.ts): the page preloads these answers with its modules (docs/decisions/018).
const FIRST_ANSWERS = ['/api/me', '/api/notifications/unread-count', '/api/tasks/counts']

export default defineConfig(shellConfig({ dir: import.meta.dirname, port: 5170, answers: { '*': FIRST_ANSWERS } }))
