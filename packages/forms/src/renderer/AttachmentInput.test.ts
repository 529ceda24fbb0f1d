import { formDefinitions } from '@hall/demo-university/templates'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { AttachmentRef, FormDefinition, FormValues } from '../definition.ts'
import { acceptedFileTypes, describeFileTypes, FILE_TYPES } from '../file-types.ts'
import { initialValues } from '../initial.ts'
import HallForm from './HallForm.vue'
import type { HallFormExposed } from './types.ts'
import { STILL_UPLOADING } from './ui.ts'

// An attachment field as the applicant meets it (issue 14): the hint names the types from the
// list the server checks uploads against, and a refusal goes away once a good file is chosen.

const leave = formDefinitions['undergrad-leave']!
const mounted: VueWrapper[] = []
afterEach(async () => {
  await flushPromises()
  mounted.splice(0).forEach((w) => w.unmount())
})

/** The leave form with its sick-leave proof taking `accept`, wired with v-model. */
function mountProof(accept: string[], uploader: (file: File) => Promise<AttachmentRef>, lang: 'zh-CN' | 'en' = 'zh-CN') {
  const definition = structuredClone<FormDefinition>(leave)
  for (const section of definition.sections) for (const f of section.fields) if (f.key === 'sickProof' && f.type === 'attachment') f.accept = accept
  const wrapper = mount(HallForm, {
    props: {
      definition,
      modelValue: { ...initialValues(definition), leaveType: 'sick' },
      now: '2026-11-09',
      lang,
      uploader,
      'onUpdate:modelValue': (v: FormValues) => wrapper.setProps({ modelValue: v }),
    },
    attachTo: document.body,
  })
  mounted.push(wrapper)
  return wrapper.find('[data-field="sickProof"]')
}

async function choose(proof: ReturnType<typeof mountProof>, file: File) {
  const input = proof.find('input[type="file"]')
  Object.defineProperty(input.element, 'files', { value: [file], configurable: true })
  await input.trigger('change')
  await flushPromises()
}

describe('an attachment field', () => {
  it.each([
    // why: the hint said "图片/images" for image/*, while the server takes only JPEG, PNG and WebP
    [['application/pdf', 'image/*'], 'zh-CN', '支持 PDF、JPEG、PNG、WebP，'],
    [['application/pdf', 'image/*'], 'en', 'PDF, JPEG, PNG and WebP; up to'],
    // why: a type the hall never takes (GIF) must not be promised because a form lists it
    [['image/gif', 'image/png'], 'zh-CN', '支持 PNG，'],
  ] as const)('names the types %j takes from the list the server checks (%s)', (accept, lang, hint) => {
    const proof = mountProof([...accept], vi.fn(), lang)
    expect(proof.find('.hall-attachment__hint').text()).toContain(hint)
    for (const mime of acceptedFileTypes(accept)) expect(Object.keys(FILE_TYPES)).toContain(mime)
    expect(proof.find('.hall-attachment__hint').text()).toContain(describeFileTypes(accept, lang))
  })

  it('clears an upload error once a good file is uploaded', async () => {
    const uploader = vi.fn(async (file: File): Promise<AttachmentRef> => {
      if (file.name === 'bad.pdf') throw new Error('the server said no')
      return { id: 'ok', name: file.name, size: file.size, mime: file.type }
    })
    const proof = mountProof(['application/pdf'], uploader)
    await choose(proof, new File(['%PDF-1.4'], 'bad.pdf', { type: 'application/pdf' }))
    expect(proof.find('.hall-attachment__problems').text()).toContain('bad.pdf 上传失败：the server said no')

    // The next file arrives straight at the input (a second pick in the same dialog), not through the button.
    await choose(proof, new File(['%PDF-1.4'], 'good.pdf', { type: 'application/pdf' }))
    expect(uploader).toHaveBeenCalledTimes(2)
    expect(proof.find('.hall-attachment__problems').exists()).toBe(false)
    expect(proof.text()).toContain('good.pdf')
  })

  it('refuses in the browser a type the server would refuse, before uploading it', async () => {
    const uploader = vi.fn()
    const proof = mountProof(['image/*'], uploader, 'en')
    await choose(proof, new File(['GIF89a'], 'cat.gif', { type: 'image/gif' }))
    expect(uploader).not.toHaveBeenCalled()
    expect(proof.find('.hall-attachment__problems').text()).toContain('"cat.gif" is not an accepted type (JPEG, PNG and WebP)')
  })

  it('keeps the form from submitting while a file is still uploading, and lets it once the upload ends', async () => {
    // why: a reply sent while its file uploaded went without the file, and nobody was told
    let finish!: (ref: AttachmentRef) => void
    const uploader = vi.fn(() => new Promise<AttachmentRef>((resolve) => (finish = resolve)))
    const proof = mountProof(['application/pdf'], uploader)
    const form = mounted.at(-1)!.vm as unknown as HallFormExposed
    await choose(proof, new File(['%PDF-1.4'], 'proof.pdf', { type: 'application/pdf' }))
    const during = form.validate()
    expect(during.ok).toBe(false)
    expect(!during.ok && during.errors).toContainEqual({ path: 'sickProof', message: STILL_UPLOADING })
    await flushPromises()
    expect(proof.find('[role="alert"]').text()).toContain(STILL_UPLOADING.zh)

    finish({ id: 'a1', name: 'proof.pdf', size: 8, mime: 'application/pdf' })
    await flushPromises()
    const after = form.validate()
    expect(!after.ok && after.errors.some((e) => e.message === STILL_UPLOADING)).toBe(false)
    expect(proof.text()).not.toContain(STILL_UPLOADING.zh)
  })
})
