import { HallNotFound } from '@hall/mf-kit'
import type { RouteRecordRaw } from 'vue-router'
import TasksPage from './pages/TasksPage.vue'

// Absolute paths of the page: the shell activates this app on `/todo`.
export const routes: RouteRecordRaw[] = [
  { path: '/todo', name: 'tasks', component: TasksPage },
  { path: '/:rest(.*)*', name: 'todo-not-found', component: HallNotFound },
]
