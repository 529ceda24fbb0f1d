import { createRoute } from '@hono/zod-openapi'
import { requireUser } from '../../auth/index.ts'
import { uploadKey } from '../../blobs/index.ts'
import { fileHeaders } from '../../lib/downloads.ts'
import { HallError, errorsFor } from '../../lib/errors.ts'
import { createRouter } from '../../lib/router.ts'
import { limitBody } from '../../lib/body-limit.ts'
import type { AppEnv } from '../../lib/context.ts'
import { createMiddleware } from 'hono/factory'
import { rateLimit } from '../../floods/index.ts'
import { policy } from '../../policy/index.ts'
import { attachmentJson, findAttachment, formatSize, materialsOf, saveUpload, uploadField } from './attachments.service.ts'
import { AttachmentParams, AttachmentSchema, DownloadQuery, FileBody, MaterialList, MaterialsQuery, UploadForm, unsupportedType } from './forms.schemas.ts'

// Files: upload (typed by content, limited in size), download (only by those allowed), and the
// person's own earlier uploads to reuse ("materials").

/** Types a browser renders without running anything: a page may ask to preview them (`disposition=inline`). */
const PREVIEWABLE = new Set(['application/pdf', 'image/jpeg', 'image/png', 'image/webp'])

const router = createRouter()

export const attachmentRoutes = router
  .openapi(
    createRoute({
      method: 'post',
      path: '/api/attachments',
      tags: ['Forms'],
      summary: 'Upload a file',
      description:
        "The type is found from the content (magic bytes), never from the name or the browser: a program renamed to .pdf is refused (415). Size: the field's maxSizeMb, and HALL_UPLOAD_MAX_MB in any case (413). The same content is stored once.",
      middleware: [
        requireUser,
        // Counted before the body is read: a refused flood costs no parsing.
        rateLimit('upload'),
        // The body is refused while it streams in, before it is buffered whole; the bound is the
        // largest upload plus room for the multipart envelope.
        createMiddleware<AppEnv>(async (c, next) =>
          limitBody({
            maxSize: c.get('deps').env.uploadMaxBytes + 64 * 1024,
            onError: (c) => {
              const max = formatSize(c.get('deps').env.uploadMaxBytes)
              throw new HallError(413, 'file_too_large', `The file is larger than the hall takes (${max})`, `文件超过办事大厅的上限（${max}）`)
            },
          })(c, next),
        ),
      ] as const,
      request: { body: { required: true, content: { 'multipart/form-data': { schema: UploadForm } } } },
      responses: {
        201: { description: 'Stored', content: { 'application/json': { schema: AttachmentSchema } } },
        ...errorsFor(400, 401, 404, 413, 429),
        ...unsupportedType,
      },
    }),
    async (c) => {
      const { file, materialKind, serviceCode, fieldKey } = c.req.valid('form')
      const deps = c.get('deps')
      const field = serviceCode && fieldKey ? await uploadField(deps.db, serviceCode, fieldKey) : undefined
      const stored = await saveUpload(deps, c.get('user')!.cardNumber, file, {
        field,
        maxBytes: deps.env.uploadMaxBytes,
        materialKind,
        serviceCode,
        fieldKey,
      })
      return c.json(attachmentJson(stored), 201)
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/api/attachments/{id}',
      tags: ['Forms'],
      summary: 'Download a file (its uploader, and the people who may read an application carrying it)',
      middleware: [requireUser] as const,
      request: {
        params: AttachmentParams,
        query: DownloadQuery,
      },
      responses: {
        200: { description: 'The file, with its original name', content: { 'application/octet-stream': { schema: FileBody } } },
        ...errorsFor(400, 401, 404),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      const { disposition } = c.req.valid('query')
      const deps = c.get('deps')
      const notFound = new HallError(404, 'not_found', 'There is no such file, or it is not yours to see', '没有这个文件，或您无权查看')
      // The same answer for "no such file" and "not yours": an id reveals nothing.
      if (!(await policy.canReadAttachment(deps.db, c.get('user'), id, deps.now()))) throw notFound
      const row = (await findAttachment(deps.db, id))!
      const stored = await deps.blobs.get(uploadKey(row.sha256))
      if (!stored) {
        deps.log.error({ id, sha256: row.sha256 }, 'attachment row without its stored file')
        throw notFound
      }
      return c.body(stored.body, 200, {
        'Content-Type': row.mime,
        'Content-Length': String(stored.size),
        ...fileHeaders(disposition === 'inline' && PREVIEWABLE.has(row.mime) ? 'inline' : 'attachment', row.name),
        'Cache-Control': 'private, no-cache',
      })
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/api/me/materials',
      tags: ['Forms'],
      summary: 'My earlier uploads, newest first, to attach again instead of uploading',
      middleware: [requireUser] as const,
      request: { query: MaterialsQuery },
      responses: {
        200: { description: 'My materials', content: { 'application/json': { schema: MaterialList } } },
        ...errorsFor(400, 401),
      },
    }),
    async (c) => {
      const { kind } = c.req.valid('query')
      return c.json({ items: (await materialsOf(c.get('deps').db, c.get('user')!.cardNumber, kind)).map(attachmentJson) }, 200)
    },
  )
