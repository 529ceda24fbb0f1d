import type { NotificationAction } from '../db/schema/index.ts'
import type { Language } from './preferences.ts'

// One message in one language for the channels that leave the hall (e-mail, app push). Every kind
// renders the same way, from the titles, detail lines and links its writer put in the outbox
// payload, so a new kind of message needs no code here.

export interface RenderedMessage {
  language: Language
  title: string
  /** Absolute URL of the message's main link, if it has one. */
  url: string | null
  actions: { label: string; url: string }[]
  subject: string
  text: string
  html: string
}

const str = (v: unknown) => (typeof v === 'string' && v ? v : null)

const escape = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`)

/** Makes a hall path absolute; anything that is not a same-hall path is dropped, never linked. */
function absolute(publicUrl: string, path: string | null): string | null {
  if (!path || !path.startsWith('/') || path.startsWith('//')) return null
  return `${publicUrl}${path}`
}

export function renderMessage(payload: Record<string, unknown>, language: Language, publicUrl: string): RenderedMessage {
  const zh = language === 'zh-CN'
  const title =
    (zh ? str(payload.titleZh) : str(payload.titleEn)) ??
    str(payload.titleZh) ??
    str(payload.titleEn) ??
    (zh ? '网上办事大厅消息' : 'A message from the Service Hall')
  const lines = (v: unknown) => (Array.isArray(v) ? v.filter((l): l is string => typeof l === 'string' && l !== '') : [])
  // What the reader needs to act (the reason, the question, the deadline), worded by the message's writer.
  const detail = zh ? lines(payload.detailZh) : lines(payload.detailEn).length ? lines(payload.detailEn) : lines(payload.detailZh)
  const url = absolute(publicUrl, str(payload.link))
  const actions = (Array.isArray(payload.actions) ? (payload.actions as NotificationAction[]) : []).flatMap((a) => {
    const u = absolute(publicUrl, str(a?.link))
    const label = zh ? str(a?.labelZh) : str(a?.labelEn)
    return u && label ? [{ label, url: u }] : []
  })
  const hall = zh ? '明湖大学网上办事大厅' : 'Minghu University Service Hall'
  const open = zh ? '查看详情' : 'Open in the hall'
  const footer = zh
    ? `这是${hall}的自动消息，请勿直接回复。在大厅右上角的消息提醒中可以设置接收方式。`
    : `An automatic message from the ${hall}; please do not reply. Choose how you get messages under the bell at the top right of the hall.`

  const text = [
    title,
    '',
    ...(detail.length ? [...detail, ''] : []),
    ...(url ? [`${open}: ${url}`] : []),
    ...actions.map((a) => `${a.label}: ${a.url}`),
    '',
    '--',
    footer,
    publicUrl,
  ].join('\n')
  const button = (label: string, href: string, primary: boolean) =>
    `<a href="${escape(href)}" style="display:inline-block;margin:4px 8px 4px 0;padding:8px 16px;border-radius:4px;text-decoration:none;${primary ? 'background:#1d4ed8;color:#fff' : 'border:1px solid #1d4ed8;color:#1d4ed8'}">${escape(label)}</a>`
  const html = `<!doctype html>
<html lang="${language}"><head><meta charset="utf-8"><title>${escape(title)}</title></head>
<body style="margin:0;padding:24px;background:#f5f7fa;font-family:system-ui,-apple-system,'PingFang SC','Microsoft YaHei',sans-serif;color:#303133">
<div style="max-width:560px;margin:0 auto;background:#fff;border-radius:8px;padding:24px">
<p style="margin:0 0 12px;color:#1f3a5f;font-weight:600">${escape(hall)}</p>
<h1 style="margin:0 0 16px;font-size:18px;line-height:1.5">${escape(title)}</h1>
${detail.map((l) => `<p style="margin:0 0 12px;line-height:1.6;white-space:pre-wrap">${escape(l)}</p>`).join('\n')}
<p style="margin:0 0 16px">${[...(url ? [button(open, url, true)] : []), ...actions.map((a) => button(a.label, a.url, false))].join('')}</p>
<p style="margin:24px 0 0;font-size:12px;color:#909399">${escape(footer)}</p>
</div></body></html>`
  return { language, title, url, actions, subject: title, text, html }
}
