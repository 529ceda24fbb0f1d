import type { Uploader } from '@hall/forms'
import type { Lang } from '@hall/mf-kit'
import { computed, type ComputedRef, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { createUploader } from '../lib/uploader.ts'
import { useMaterialsStore } from '../stores/materials.ts'

/** The uploader for the form of `serviceCode`: XMLHttpRequest with progress, errors in the page's language. */
export function useUploader(serviceCode: Ref<string>): ComputedRef<Uploader> {
  const { t, locale } = useI18n()
  const materials = useMaterialsStore()
  return computed<Uploader>(() => {
    const upload = createUploader({
      serviceCode: serviceCode.value,
      lang: () => locale.value as Lang,
      words: { network: () => t('upload.network'), failedStatus: (status) => t('upload.failedStatus', { status }) },
    })
    return async (file, ctx) => {
      const uploaded = await upload(file, ctx)
      if (ctx.field.materialKind) materials.add({ ...uploaded, materialKind: ctx.field.materialKind, uploadedAt: new Date().toISOString() })
      return uploaded
    }
  })
}
