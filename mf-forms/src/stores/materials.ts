import type { FormDefinition, MaterialFile } from '@hall/forms'
import { api, unwrap } from '@hall/mf-kit'
import { defineStore } from 'pinia'
import { ref } from 'vue'

/** The material kinds a form's attachment fields (and attachment columns of tables) ask for. */
export function materialKindsOf(definition: FormDefinition): string[] {
  const kinds = new Set<string>()
  for (const section of definition.sections) {
    for (const field of section.fields) {
      if (field.type === 'attachment' && field.materialKind) kinds.add(field.materialKind)
      if (field.type === 'table') for (const c of field.columns) if (c.type === 'attachment' && c.materialKind) kinds.add(c.materialKind)
    }
  }
  return [...kinds]
}

export const useMaterialsStore = defineStore('forms/materials', () => {
  /** My earlier uploads of the kinds the open form asks for, newest first: offered instead of a new upload. */
  const items = ref<MaterialFile[]>([])

  /** Fetches my materials of these kinds. Not having them is no error: the user can still upload. */
  async function load(kinds: string[]) {
    items.value = []
    const lists = await Promise.all(
      kinds.map((kind) =>
        unwrap(api.api.me.materials.$get({ query: { kind } }))
          .then((body) =>
            body.items.map((m) => ({ id: m.id, name: m.name, size: m.size, mime: m.mime, materialKind: m.materialKind ?? kind, uploadedAt: m.uploadedAt })),
          )
          .catch(() => [] as MaterialFile[]),
      ),
    )
    items.value = lists.flat()
  }

  /** Remembers a file just uploaded, so another field of its kind can reuse it at once. */
  function add(file: MaterialFile) {
    if (!items.value.some((m) => m.id === file.id)) items.value = [file, ...items.value]
  }

  return { items, load, add }
})
