import { startManyNodes, withCookie } from './many-nodes.ts'
import { login } from '../bench/login.ts'
const h = await startManyNodes({ nodes: 2, env: { HALL_NOTIFY_INTERVAL_MS: '200', HALL_NOTIFY_CLAIM_SECONDS: '5', HALL_PUSH_WEBHOOK_URL: 'http://127.0.0.1:9/push', HALL_PUSH_WEBHOOK_SECRET: 'many-nodes-push-secret' } })
try {
  const cookie = await login(h.url, '2023010102')
  const as = withCookie(cookie, h.origin)
  const certificate = { serviceCode: 'enrolment-certificate', values: { purpose: 'visa', language: 'zh', copies: 1, pledge: true, phone: '13800002102' } }
  const statuses = new Map<number, number>()
  let loading = true
  const client = async (c: number) => {
    for (let n = 0; loading; n++) {
      const res = await as(`${h.url}/api/applications`, { method: 'POST', headers: { 'idempotency-key': `hunt-${c}-${n}` }, body: JSON.stringify(certificate) }).catch(() => null)
      const s = res?.status ?? 0
      statuses.set(s, (statuses.get(s) ?? 0) + 1)
      if (res) await res.text()
    }
  }
  const clients = Array.from({ length: Number(process.env.CLIENTS ?? 8) }, (_, c) => client(c))
  await new Promise((r) => setTimeout(r, Number(process.env.SECONDS ?? 20) * 1000))
  loading = false
  await Promise.all(clients)
  console.log(statuses)
} finally {
  for (const n of h.nodes) console.log(n.index, n.output().split('\n').filter((l) => /"level":(50|60)/.test(l)).join('\n').slice(0, 6000))
  await h.stop()
}
