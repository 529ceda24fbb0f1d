#!/usr/bin/env node
// The demo department site: the 网络与信息中心 (Network and Information Centre) of 明湖大学, a
// page with its own look that embeds the hall's widgets from another origin, as a real department
// site would. `npm start` runs it on HALL_DEMO_SITE_PORT (3002); it is never part of production.
// Plain Node.js: a department site is not ours to build.
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import path from 'node:path'

const port = Number(process.env.HALL_DEMO_SITE_PORT ?? 3002)
const hallUrl = (process.env.HALL_PUBLIC_URL ?? 'http://localhost:3000').replace(/\/$/, '')
const page = readFileSync(path.join(import.meta.dirname, 'index.html'), 'utf8').replaceAll('{{HALL_URL}}', hallUrl)
const hallOrigin = new URL(hallUrl).origin

/**
 * The policy a careful department site could have, to show that the widgets live with it: its
 * own inline script by a per-response nonce, the widgets' script and requests from the hall only.
 * Styles keep 'unsafe-inline': the site's own <style>, and each widget writes its look into its
 * shadow root as a <style> element.
 */
const policy = (nonce) =>
  [
    "default-src 'none'",
    `script-src 'nonce-${nonce}' ${hallOrigin}`,
    "style-src 'self' 'unsafe-inline'",
    `connect-src ${hallOrigin}`,
    `img-src 'self' data: ${hallOrigin}`,
    "base-uri 'none'",
    "object-src 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ')

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost')
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD' }).end()
  } else if (url.pathname === '/' || url.pathname === '/index.html') {
    const nonce = randomBytes(16).toString('base64')
    res
      .writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache', 'Content-Security-Policy': policy(nonce) })
      .end(req.method === 'HEAD' ? undefined : page.replaceAll('<script', `<script nonce="${nonce}"`))
  } else if (url.pathname === '/healthz') {
    res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"ok":true}')
  } else if (url.pathname === '/favicon.ico') {
    res.writeHead(204).end()
  } else {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found')
  }
})
// `npm start` gives a free port; should another program take it meanwhile, say so and stop.
server.once('error', (err) => {
  console.error(`[demo site] cannot listen on port ${port} (HALL_DEMO_SITE_PORT): ${err.message}`)
  process.exit(1)
})
server.listen(port, () => console.log(`[demo site] http://localhost:${port} embeds the widgets of ${hallUrl}`))
const stop = () => server.close(() => process.exit(0))
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
