import { eq } from 'drizzle-orm'
import { expect } from 'vitest'
import { serviceVersions } from '../../db/schema/index.ts'
import type { Db } from '../../db/client.ts'
import { testApp } from '../../test-support.ts'

// Test support for the application and task routes (not a test file): the demo people the tests
// use, by what they are, and a hall whose requests read like the steps of a story.

/** Demo people of @hall/demo-university, named for their part. */
export const who = {
  /** 李明轩, undergraduate in cs-2023-1 (counsellor 杜红梅). */
  student: '2023010101',
  /** 王梓涵, same class. */
  classmate: '2023010102',
  /** 赵子豪 and 胡嘉诚, cs-2025-1, same counsellor. */
  junior: '2025010105',
  junior2: '2025010112',
  /** 刘思琪, an undergraduate of another college. */
  otherStudent: '2023020103',
  /** 杜红梅, counsellor of cs-2023-1 and cs-2025-1. */
  counsellor: '0017063',
  /** 高建华, deputy party secretary of the College of Computer Science. */
  deputy: '0009327',
  /** 唐振宇, party secretary of the College of Computer Science. */
  collegeSecretary: '0006158',
  /** 陈雅婷, a reviewer of Student Affairs. */
  studentAffairs: '0014420',
  /** 吴俊, reviewer and service owner of Student Affairs (which owns undergrad-leave). */
  studentAffairsOwner: '0015603',
  /** 韩志刚, service owner of the Network Centre (another department). */
  otherOwner: '0017518',
  /** 宋佳, administrator. */
  admin: '0019007',
  /** 黄思远, an associate professor with no role in these processes. */
  colleague: '0013018',
  /** 钱学军, a professor (staff) with no role either. */
  professor: '0005472',
  /** 谢婉清, reviewer of the President's Office. */
  presidentOffice: '0009541',
} as const

const addDays = (iso: string, n: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * 864e5).toISOString().slice(0, 10)

/** Values of the worked undergrad-leave form for a leave of `days` days from Monday 30 November 2026. */
export function leaveValues(days: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const start = '2026-11-30'
  return {
    name: '李明轩',
    phone: '13800002101',
    leaveType: 'personal',
    period: { start, end: addDays(start, days - 1) },
    leavesCampus: false,
    reason: '回家处理家中事务，需离校数日',
    emergencyContact: '李建国',
    emergencyPhone: '13800009999',
    pledge: true,
    ...(days > 3 ? { parentInformed: true, parentPhone: '13800009998' } : {}),
    ...extra,
  }
}

export interface Reply<T = any> {
  status: number
  body: T
}

/** A fresh hall (its own in-memory database, or `opts.db`) with the forms the hall ships; `env` overrides settings. */
export async function hall(opts: { db?: Db; demo?: boolean; env?: Record<string, string>; feed?: 'polling' } = {}) {
  const t = await testApp(opts.env ?? {}, opts)
  const { db } = t.deps
  // Sessions expire after 30 idle minutes: a test that moves the clock logs in again.
  const cookies = new Map<string, { cookie: string; at: number }>()
  const cookieOf = async (card: string) => {
    const known = cookies.get(card)
    if (known && t.deps.now().getTime() - known.at < 10 * 60_000) return known.cookie
    const cookie = await t.loginAs(card)
    cookies.set(card, { cookie, at: t.deps.now().getTime() })
    return cookie
  }

  async function call<T = any>(card: string | null, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply<T>> {
    const res = await t.app.request(path, {
      method,
      headers: {
        ...(card ? { cookie: await cookieOf(card) } : {}),
        ...(method === 'GET' ? {} : { origin: t.deps.env.publicOrigin, 'content-type': 'application/json' }),
        ...headers,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
    return { status: res.status, body: (await res.json()) as T }
  }

  let keys = 0
  const h = {
    ...t,
    call,
    get: <T = any>(card: string | null, path: string) => call<T>(card, 'GET', path),
    post: <T = any>(card: string | null, path: string, body: unknown, headers?: Record<string, string>) => call<T>(card, 'POST', path, body, headers),
    /** Submits; the key defaults to a fresh one. */
    submit: (card: string, serviceCode: string, values: Record<string, unknown>, key = `test-key-${++keys}-${card}`) =>
      call(card, 'POST', '/api/applications', { serviceCode, values }, { 'idempotency-key': key }),
    /** Submits a leave of `days` days and expects it to be accepted; returns the application id. */
    async leave(card: string, days: number): Promise<number> {
      const res = await h.submit(card, 'undergrad-leave', leaveValues(days))
      expect(res.status, JSON.stringify(res.body)).toBe(201)
      return res.body.id as number
    },
    detail: (card: string, id: number) => call(card, 'GET', `/api/applications/${id}`),
    /** The live task of `card` on application `id` (fails the test if there is none). */
    async taskOf(card: string, id: number): Promise<{ id: number; stateVersion: number }> {
      const res = await call(card, 'GET', '/api/tasks?box=todo&pageSize=100')
      expect(res.status).toBe(200)
      const item = (res.body.items as Array<{ id: number; applicationId: number; application: { stateVersion: number } }>).find((i) => i.applicationId === id)
      expect(item, `a task of ${card} on application ${id}`).toBeDefined()
      return { id: item!.id, stateVersion: item!.application.stateVersion }
    },
    act: (card: string, taskId: number, body: Record<string, unknown>) => call(card, 'POST', `/api/tasks/${taskId}/actions`, body),
    /** Approves `card`'s task on `id`; expects success. */
    async approve(card: string, id: number, opinion?: string) {
      const task = await h.taskOf(card, id)
      const res = await h.act(card, task.id, { action: 'approve', stateVersion: task.stateVersion, ...(opinion ? { opinion } : {}) })
      expect(res.status, JSON.stringify(res.body)).toBe(200)
      return res.body.application as { id: number; status: string; stateVersion: number }
    },
    setForm: async (serviceCode: string, form: unknown) => await setForm(db, serviceCode, form),
  }
  return h
}

export type Hall = Awaited<ReturnType<typeof hall>>

async function setForm(db: Awaited<ReturnType<typeof testApp>>['deps']['db'], serviceCode: string, form: unknown) {
  await db.update(serviceVersions).set({ form }).where(eq(serviceVersions.serviceCode, serviceCode))
}

export const HOUR = 3_600_000
export const DAY = 24 * HOUR

/** 宿舍调整申请's values for swapping beds with `swapWith`, on the student's pre-filled form. */
export async function swapValues(h: Hall, swapWith: unknown): Promise<Record<string, unknown>> {
  const form = await h.get(who.student, '/api/services/dorm-change/form')
  expect(form.status).toBe(200)
  return {
    ...form.body.prefill.values,
    changeType: 'swap',
    swapWith,
    swapAgreed: true,
    reasonType: 'schedule',
    reason: '作息时间与室友差异较大，影响休息',
    pledge: true,
  }
}
