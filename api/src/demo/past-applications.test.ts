import { asc, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { validateSubmission, type FormDefinition } from '@hall/forms/format'
import { hall } from '../routes/applications/test-support.ts'
import { applicationAttachments, applications, attachments, auditEvents, serviceVersions, tasks } from '../db/schema/index.ts'

// The demo history: every finished past application carries values its form accepts, and (where
// its process could be run for its applicant) the path it took, so that its page is whole.

describe('the seeded past applications', () => {
  it('carry form values that their service’s form accepts', async () => {
    const h = await hall()
    const rows = await h.deps.db
      .select({ app: applications, form: serviceVersions.form })
      .from(applications)
      .innerJoin(serviceVersions, eq(serviceVersions.id, applications.serviceVersionId))
    expect(rows).toHaveLength(87)
    const invalid = rows.flatMap(({ app, form }) => {
      if (!form || app.serviceCode === 'undergrad-leave') return [] // test-support puts another form on leave
      const result = validateSubmission(form as FormDefinition, app.formData, { now: app.submittedAt! })
      return result.ok ? [] : [`${app.id} ${app.serviceCode}: ${result.errors.map((e) => e.path).join(', ')}`]
    })
    expect(invalid).toEqual([])
    expect(rows.every(({ app }) => Object.keys(app.formData).length > 0)).toBe(true)
  })

  it('went through their process: steps, decisions and the status they were seeded with', async () => {
    const h = await hall()
    const rows = await h.deps.db.select().from(applications).orderBy(asc(applications.id))
    const withState = rows.filter((a) => a.state)
    // A few were filed by people whose department has nobody for a step (the engine refuses them today).
    expect(withState.length).toBeGreaterThanOrEqual(80)
    for (const app of withState) {
      expect((app.state as { status: string }).status, `application ${app.id}`).toBe(app.status)
      expect(['completed', 'rejected']).toContain(app.status)
      expect(app.finishedAt!.getTime()).toBeGreaterThanOrEqual(app.submittedAt!.getTime())
      const events = await h.deps.db.select().from(auditEvents).where(eq(auditEvents.applicationId, app.id))
      expect(events[0]?.action, `application ${app.id}`).toBe('submitted')
      expect(events.some((e) => e.action === (app.status === 'completed' ? 'approved' : 'rejected'))).toBe(true)
    }
    // Handled before the hall: in nobody's lists, and no number taken from the live sequences.
    expect(await h.deps.db.select().from(tasks)).toEqual([])
    expect(rows.every((a) => a.documentNumber === null)).toBe(true)
  })

  it('shows one of them whole on its applicant’s page: the form, its steps with who decided, the timeline', async () => {
    const h = await hall()
    const app = (await h.deps.db.select().from(applications).where(eq(applications.serviceCode, 'intro-letter'))).find(
      (a) => a.state && a.status === 'completed',
    )!
    const detail = await h.detail(app.applicantCardNumber, app.id)
    expect(detail.status).toBe(200)
    expect(detail.body.form).not.toBeNull()
    expect(detail.body.values.recipientOrg).toEqual(expect.any(String))
    expect(detail.body.steps.length).toBeGreaterThan(0)
    expect(detail.body.steps.every((s: { status: string }) => s.status === 'approved')).toBe(true)
    const timeline = detail.body.timeline as Array<{ action: string; actor: { name: string } | null; step: { nameZh: string } | null }>
    expect(timeline[0]!.action).toBe('submitted')
    expect(timeline.filter((e) => e.action === 'approved').every((e) => e.actor !== null && e.step !== null)).toBe(true)
    expect(timeline.map((e) => e.action)).toContain('approved')
    expect(detail.body.allowed.applicant).toEqual([])
  })

  it('have their files in the uploads folder, so the applicant can open them', async () => {
    const h = await hall()
    const linked = (
      await h.deps.db
        .select({ id: attachments.id, owner: attachments.ownerCardNumber, size: attachments.size })
        .from(applicationAttachments)
        .innerJoin(attachments, eq(attachments.id, applicationAttachments.attachmentId))
    )[0]
    expect(linked, 'the seed links files to some past applications').toBeTruthy()
    const res = await h.app.request(`/api/attachments/${linked!.id}`, { headers: { cookie: await h.loginAs(linked!.owner) } })
    expect(res.status).toBe(200)
    expect((await res.arrayBuffer()).byteLength).toBe(linked!.size)
  })
})
