import { readFile, readdir } from 'node:fs/promises'
import path from 'node:path'
import { Hono } from 'hono'
import { createMiddleware } from 'hono/factory'
import { simpleParser } from 'mailparser'
import type { AppEnv } from '../../lib/context.ts'
import { errorBody } from '../../lib/errors.ts'
import { policy } from '../../policy/index.ts'
import { pagePolicy, setPolicy, staticPagePolicy } from '../../web/csp.ts'
import { devMailDir } from '../../notifications/smtp-catcher.ts'

// The development mailbox: what the embedded SMTP catcher caught, newest first, and each mail with
// its text and HTML parts, for logged-in administrators. Answers 404 when NODE_ENV=production (the
// catcher never runs there).
// Not part of the API contract: a page for developers, and JSON for tests.

const escape = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`)
const NAME = /^\d+-[0-9a-f]{16}\.eml$/

async function mailFiles(dataDir: string): Promise<string[]> {
  try {
    return (await readdir(devMailDir(dataDir)))
      .filter((f) => NAME.test(f))
      .sort()
      .reverse()
  } catch {
    return []
  }
}

async function parse(dataDir: string, file: string) {
  const mail = await simpleParser(await readFile(path.join(devMailDir(dataDir), file)))
  const to = Array.isArray(mail.to) ? mail.to.map((a) => a.text).join(', ') : (mail.to?.text ?? '')
  return {
    id: file.replace(/\.eml$/, ''),
    messageId: mail.messageId ?? null,
    from: mail.from?.text ?? '',
    to,
    subject: mail.subject ?? '',
    date: mail.date?.toISOString() ?? null,
    // mailparser types every header as a union of parsed shapes; Content-Language is plain text.
    language: (mail.headers.get('content-language') as string | undefined) ?? '',
    text: mail.text ?? '',
    html: typeof mail.html === 'string' ? mail.html : '',
  }
}

const STYLE =
  'body{font-family:system-ui,sans-serif;margin:0;padding:16px;max-width:960px;margin:auto;color:#303133}table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:6px 8px;border-bottom:1px solid #e4e7ed;vertical-align:top}iframe{width:100%;height:420px;border:1px solid #dcdfe6}pre{white-space:pre-wrap;background:#f5f7fa;padding:12px}'
const page = (title: string, body: string) => `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(title)}</title>
<style>${STYLE}</style>
</head><body>${body}</body></html>`

/** The mailbox pages: no script, their one style by its hash. */
const MAILBOX_POLICY = staticPagePolicy([STYLE])
/**
 * A mail's page shows the mail's HTML in a sandboxed srcdoc frame (no scripts, no same origin),
 * which inherits this policy: e-mail HTML is styled with style attributes, hence 'unsafe-inline'
 * for styles here; scripts stay forbidden twice over (the policy and the sandbox).
 */
const MESSAGE_POLICY = pagePolicy({ 'style-src': ["'unsafe-inline'"], 'img-src': ["'self'", 'data:'] })

/**
 * The mailbox holds every person's mail (links to their applications, names, decisions): only a
 * logged-in administrator reads it, even in development, since a development hall may well be
 * reachable by others on the network. In production it does not exist at all.
 */
const guard = createMiddleware<AppEnv>(async (c, next) => {
  if (c.get('deps').env.nodeEnv === 'production') return c.notFound()
  const user = c.get('user')
  const wantsPage = (c.req.header('accept') ?? '').includes('text/html')
  c.header('Cache-Control', 'no-store')
  if (!user) {
    if (wantsPage) return c.redirect(`/auth/login?returnTo=${encodeURIComponent(c.req.path)}`, 302)
    return c.json(
      errorBody('unauthenticated', 'The development mailbox is for administrators: log in first', '开发邮箱仅供系统管理员查看，请先登录', {
        loginUrl: '/auth/login',
      }),
      401,
    )
  }
  if (!policy.canReadDevMail(user)) {
    const message = 'The development mailbox shows everyone’s e-mail: only administrators may read it'
    const messageZh = '开发邮箱包含所有人的邮件，仅系统管理员可以查看'
    if (wantsPage) {
      setPolicy(c, MAILBOX_POLICY)
      return c.html(page('403', `<h1>403</h1><p>${escape(messageZh)}</p><p>${escape(message)}</p>`), 403)
    }
    return c.json(errorBody('forbidden', message, messageZh), 403)
  }
  await next()
  if (!c.res.headers.has('content-security-policy') && c.res.headers.get('content-type')?.startsWith('text/html')) setPolicy(c, MAILBOX_POLICY)
})

export const devMailRoutes = new Hono<AppEnv>()
devMailRoutes.use('/dev/mail', guard)
devMailRoutes.use('/dev/mail/*', guard)

devMailRoutes.get('/dev/mail/messages.json', async (c) => {
  const dataDir = c.get('deps').env.dataDir
  const files = (await mailFiles(dataDir)).slice(0, 200)
  return c.json({ items: await Promise.all(files.map((f) => parse(dataDir, f))) })
})

devMailRoutes.get('/dev/mail', async (c) => {
  const dataDir = c.get('deps').env.dataDir
  const files = (await mailFiles(dataDir)).slice(0, 200)
  const mails = await Promise.all(files.map((f) => parse(dataDir, f)))
  const rows = mails
    .map(
      (m) => `<tr><td>${escape(m.date ?? '')}</td><td>${escape(m.to)}</td><td><a href="/dev/mail/${m.id}">${escape(m.subject || '(no subject)')}</a></td></tr>`,
    )
    .join('')
  return c.html(
    page(
      '开发邮箱 · Development mailbox',
      `<h1>开发邮箱 · Development mailbox</h1><p>E-mails the hall sent while no SMTP server is configured (HALL_SMTP_HOST), caught by the embedded SMTP catcher. ${mails.length} mail(s).</p>
<table><thead><tr><th>Date</th><th>To</th><th>Subject</th></tr></thead><tbody>${rows || '<tr><td colspan="3">No mail yet.</td></tr>'}</tbody></table>`,
    ),
  )
})

devMailRoutes.get('/dev/mail/:id', async (c) => {
  const id = c.req.param('id')
  const file = `${id}.eml`
  if (!NAME.test(file)) return c.notFound()
  const m = await parse(c.get('deps').env.dataDir, file).catch(() => null)
  if (!m) return c.notFound()
  setPolicy(c, MESSAGE_POLICY)
  return c.html(
    page(
      m.subject,
      `<p><a href="/dev/mail">← 开发邮箱 · Development mailbox</a></p><h1>${escape(m.subject)}</h1>
<table><tr><th>From</th><td>${escape(m.from)}</td></tr><tr><th>To</th><td>${escape(m.to)}</td></tr><tr><th>Date</th><td>${escape(m.date ?? '')}</td></tr><tr><th>Message-ID</th><td>${escape(m.messageId ?? '')}</td></tr><tr><th>Language</th><td>${escape(m.language)}</td></tr></table>
<h2>HTML</h2><iframe sandbox title="HTML part" srcdoc="${escape(m.html)}"></iframe><h2>Text</h2><pre>${escape(m.text)}</pre>`,
    ),
  )
})
