import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { z } from '@hono/zod-openapi'

// One shape for every error the API answers: a code a program can test, and a message a person
// can act on, in English and Chinese (the UI shows the one in the user's language).
export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'bad_request' }),
      message: z.string().openapi({ example: 'pageSize: must be at most 100' }),
      messageZh: z.string().openapi({ example: 'pageSize：不能超过 100' }),
      fields: z
        .array(z.object({ path: z.string(), message: z.string() }))
        .optional()
        .openapi({ description: 'Which inputs were wrong, and why' }),
      loginUrl: z.string().optional(),
    }),
  })
  .openapi('Error')

export type ErrorBody = z.infer<typeof ErrorSchema>

export class HallError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly messageZh: string,
    readonly extra: Partial<ErrorBody['error']> = {},
  ) {
    super(message)
  }
}

export function errorBody(code: string, message: string, messageZh: string, extra: Partial<ErrorBody['error']> = {}): ErrorBody {
  return { error: { code, message, messageZh, ...extra } }
}

export function fail(c: Context, status: ContentfulStatusCode, code: string, message: string, messageZh: string) {
  return c.json(errorBody(code, message, messageZh), status)
}

/** Turns zod issues into a 400 body that names each wrong input and why. */
export function validationBody(issues: readonly z.core.$ZodIssue[], where: string): ErrorBody {
  const fields = issues.map((i) => ({ path: i.path.map(String).join('.') || where, message: i.message }))
  const text = fields.map((f) => `${f.path}: ${f.message}`).join('; ')
  return errorBody('bad_request', `Invalid ${where}: ${text}`, `请求${whereZh(where)}有误：${text}`, { fields })
}

function whereZh(where: string) {
  return { query: '参数', param: '路径', json: '内容', form: '表单', header: '头', cookie: 'Cookie' }[where] ?? where
}

const errorResponse = <D extends string>(description: D) => ({ description, content: { 'application/json': { schema: ErrorSchema } } }) as const

/** The error answers a route documents, each with the hall's error shape. */
export const errorResponses = {
  400: errorResponse('Invalid input: the message names each input and why'),
  401: errorResponse('Not logged in (or a wrong token)'),
  403: errorResponse('Not allowed for this user'),
  404: errorResponse('Not found'),
  409: errorResponse('Conflicts with the current state'),
  413: errorResponse('Too large'),
  422: errorResponse('Understood but refused'),
  429: errorResponse('Too many requests in a short time: wait the seconds of the Retry-After header'),
} as const

/** `responses: { 200: …, ...errorsFor(400, 404) }` */
export function errorsFor<K extends keyof typeof errorResponses>(...codes: K[]): Pick<typeof errorResponses, K> {
  return Object.fromEntries(codes.map((k) => [k, errorResponses[k]])) as Pick<typeof errorResponses, K>
}

/** A problem with one input, by its path (`values.phone`, `attachments.0`), in both languages. */
export interface FieldProblem {
  path: string
  message: string
  messageZh: string
}

/** A 400 about one input, named by its path, in both languages (the shape of a form error). */
export function badInput(path: string, message: string, messageZh: string): HallError {
  const fields: FieldProblem[] = [{ path, message, messageZh }]
  return new HallError(400, 'bad_request', message, messageZh, { fields })
}

/** The 400 of a form with wrong values: every field named, with why. */
export function invalidForm(fields: FieldProblem[]): HallError {
  return new HallError(
    400,
    'invalid_form',
    `The form has ${fields.length === 1 ? 'an error' : `${fields.length} errors`}: ${fields.map((f) => f.message).join('; ')}`,
    `表单有误：${fields.map((f) => f.messageZh).join('；')}`,
    { fields },
  )
}
