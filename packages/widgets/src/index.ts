import { HallServiceCard } from './service-card.ts'
import { HallServices } from './services.ts'
import { HallTodoBadge } from './todo-badge.ts'

// The one script a department site includes: it defines the hall's custom elements. Including it
// twice (two CMS blocks) defines them once.

const elements = {
  'hall-services': HallServices,
  'hall-service-card': HallServiceCard,
  'hall-todo-badge': HallTodoBadge,
} as const

for (const [name, ctor] of Object.entries(elements)) {
  if (!customElements.get(name)) customElements.define(name, ctor)
}

export { HallServiceCard, HallServices, HallTodoBadge }
