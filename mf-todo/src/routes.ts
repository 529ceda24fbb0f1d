import { HallNotFound } from '@hall/mf-kit'
import type { RouteRecordRaw } from 'vue-router'
import TaskPage from './pages/TaskPage.vue'
import TasksPage from './pages/TasksPage.vue'

// Absolute paths of the page: the shell activates this app on `/todo`. A task's page is the link
// in every notification about it (`/todo/<task id>`).
export const routes: RouteRecordRaw[] = [
  { path: '/todo', name: 'tasks', component: TasksPage },
  { path: '/todo/:taskId(\\d+)', name: 'task', component: TaskPage, props: true },
  { path: '/:rest(.*)*', name: 'todo-not-found', component: HallNotFound },
]
