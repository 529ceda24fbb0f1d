import { HallNotFound } from '@hall/mf-kit'
import type { RouteRecordRaw } from 'vue-router'
import OverduePage from './pages/OverduePage.vue'
import TaskPage from './pages/TaskPage.vue'
import TasksPage from './pages/TasksPage.vue'

// Absolute paths of the page: the shell activates this app on `/todo`. A task's page is the link
// in every notification about it (`/todo/<task id>`); an overdue task's page for its escalation
// contact is the link of the "超时提醒" message (`/todo/overdue/<task id>`).
export const routes: RouteRecordRaw[] = [
  { path: '/todo', name: 'tasks', component: TasksPage },
  { path: '/todo/:taskId(\\d+)', name: 'task', component: TaskPage, props: true },
  { path: '/todo/overdue/:taskId(\\d+)', name: 'overdue', component: OverduePage, props: true },
  { path: '/:rest(.*)*', name: 'todo-not-found', component: HallNotFound },
]
