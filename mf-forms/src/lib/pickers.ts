import type { PersonField, PickerOption, Pickers } from '@hall/forms'
import { api, unwrap, type Lang } from '@hall/mf-kit'

// The searches behind <HallForm>'s person fields (互换同学, 指导老师): GET /api/people/pick, which
// finds by a whole card number or the start of a name, only people of the field's kinds, and
// shows what tells two people apart (name, card number, college, class or title). It names the
// service and the field: the API reads who the field accepts (its kinds) from the form itself. An
// application being changed (after a return) is named too: its own version's form decides, not the
// service's current one, whose field may accept other people since.

/** Labels of the people picked so far, so that a chosen value keeps its name when the list changes. */
export type PickedNames = Record<string, string>

export function personLabel(
  p: {
    cardNumber: string
    name: string
    nameEn: string
    department: { nameZh: string; nameEn: string } | null
    className: { zh: string; en: string } | null
    title: { zh: string; en: string } | null
  },
  lang: Lang,
): string {
  const en = lang === 'en'
  const where = [en ? p.department?.nameEn : p.department?.nameZh, en ? (p.className?.en ?? p.title?.en) : (p.className?.zh ?? p.title?.zh)]
    .filter(Boolean)
    .join(' · ')
  const who = en ? `${p.nameEn} (${p.name}) ${p.cardNumber}` : `${p.name}（${p.cardNumber}）`
  return where ? `${who} · ${where}` : who
}

/** Whose form is filled in: a service's current form (applying), or an application's own (resubmitting). */
export interface PickerTarget {
  service: string
  application?: number | undefined
}

export function formPickers(lang: () => Lang, names: PickedNames, target: () => PickerTarget): Pickers {
  return {
    async person(query: string, field: PersonField): Promise<PickerOption[]> {
      const q = query.trim()
      if (q === '') return []
      try {
        const { service, application } = target()
        const query = { q, service, field: field.key, ...(application === undefined ? {} : { application: String(application) }) }
        const found = await unwrap(api.api.people.pick.$get({ query }))
        return found.items.map((p) => {
          const label = personLabel(p, lang())
          names[p.cardNumber] = label
          return { value: p.cardNumber, label }
        })
      } catch (err) {
        // A failed search shows no one; the field's own check still says what is wrong on submit.
        console.warn('[@hall/mf-forms] person search:', err)
        return []
      }
    },
  }
}
