import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { notifications, outbox } from '../../db/schema/index.ts'
import { hall, who } from '../applications/test-support.ts'

// The online Q&A of issue 7 through the API: a question about a service reaches that service's
// owners (one without a service, the network centre); staff answer and the asker is notified;
// the asker follows up and closes; the owners publish it as a FAQ on the service's guide.

describe('the online Q&A', () => {
  it('routes, answers, notifies, follows up, publishes as FAQ and closes', async () => {
    const h = await hall()
    const asked = await h.post(who.student, '/api/questions', {
      title: '请假能否补交证明？',
      body: '病假来不及开证明，可以事后补交吗？',
      serviceCode: 'undergrad-leave',
    })
    expect(asked.status, JSON.stringify(asked.body)).toBe(201)
    const id = asked.body.id as number
    expect(asked.body).toMatchObject({
      status: 'open',
      department: { code: 'student-affairs' },
      can: { answer: false, followUp: true, close: true, publish: false },
    })

    // It reaches student affairs' owner, not the network centre's.
    const inbox = async (card: string) => (await h.get(card, '/api/questions?box=inbox')).body.items.map((q: { id: number }) => q.id)
    expect(await inbox(who.studentAffairsOwner)).toContain(id)
    expect(await inbox(who.otherOwner)).not.toContain(id)
    expect(await inbox(who.admin)).toContain(id)
    expect(await inbox(who.classmate)).toEqual([])
    // Others may not read or answer it.
    expect((await h.get(who.classmate, `/api/questions/${id}`)).status).toBe(404)
    expect((await h.get(who.otherOwner, `/api/questions/${id}`)).status).toBe(404)
    expect((await h.post(who.otherOwner, `/api/questions/${id}/messages`, { body: '试试' })).status).toBe(404)
    // Not publishable before an answer.
    expect((await h.call(who.studentAffairsOwner, 'PUT', `/api/questions/${id}/faq`, { published: true })).status).toBe(409)

    const answered = await h.post(who.studentAffairsOwner, `/api/questions/${id}/messages`, { body: '可以，返校后3日内在申请中补充上传。' })
    expect(answered.status).toBe(201)
    expect(answered.body.status).toBe('answered')
    const note = await h.deps.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.recipientCardNumber, who.student), eq(notifications.kind, 'question_answered')))
    expect(note.map((n) => n.link)).toEqual([`/feedback/questions/${id}`])
    expect(
      await h.deps.db
        .select()
        .from(outbox)
        .where(and(eq(outbox.recipient, who.student), eq(outbox.kind, 'question_answered'))),
    ).toHaveLength(1)

    // The asker follows up: open again for the staff.
    const followUp = await h.post(who.student, `/api/questions/${id}/messages`, { body: '需要医院盖章吗？' })
    expect(followUp.body.status).toBe('open')
    expect(followUp.body.messages.map((m: { side: string }) => m.side)).toEqual(['staff', 'asker'])

    // The owner publishes it, with a clearer question; it shows in the FAQ, searchable, without login.
    const published = await h.call(who.studentAffairsOwner, 'PUT', `/api/questions/${id}/faq`, { published: true, question: '病假证明可以事后补交吗？' })
    expect(published.status, JSON.stringify(published.body)).toBe(200)
    expect(published.body.faq).toBe(true)
    expect((await h.call(who.student, 'PUT', `/api/questions/${id}/faq`, { published: true })).status).toBe(403)
    const faqs = await h.get(null, '/api/faqs?serviceCode=undergrad-leave')
    expect(faqs.status).toBe(200)
    expect(faqs.body.items.find((f: { id: number }) => f.id === id)).toMatchObject({
      question: '病假证明可以事后补交吗？',
      answer: '可以，返校后3日内在申请中补充上传。',
    })
    expect((await h.get(null, `/api/faqs?q=${encodeURIComponent('补交')}`)).body.items.map((f: { id: number }) => f.id)).toContain(id)
    expect((await h.get(null, `/api/faqs?q=${encodeURIComponent('没有这种问题')}`)).body.items).toEqual([])

    // The owners give it in English too (for international students); one half alone is refused,
    // a later publish without English keeps it, and empty texts remove it.
    const half = await h.call(who.studentAffairsOwner, 'PUT', `/api/questions/${id}/faq`, { published: true, questionEn: 'Can I hand in the sick note later?' })
    expect(half.status).toBe(400)
    expect(JSON.stringify(half.body)).toContain('in English together')
    const english = { questionEn: 'Can I hand in the sick note later?', answerEn: 'Yes: upload it to the application within 3 days of your return.' }
    const withEnglish = await h.call(who.studentAffairsOwner, 'PUT', `/api/questions/${id}/faq`, { published: true, ...english })
    expect(withEnglish.status, JSON.stringify(withEnglish.body)).toBe(200)
    expect(withEnglish.body).toMatchObject({ faqQuestionEn: english.questionEn, faqAnswerEn: english.answerEn, faqQuestion: '病假证明可以事后补交吗？' })
    const faqEn = async () => (await h.get(null, '/api/faqs?serviceCode=undergrad-leave')).body.items.find((f: { id: number }) => f.id === id)
    expect(await faqEn()).toMatchObject({ questionEn: english.questionEn, answerEn: english.answerEn })
    expect((await h.get(null, `/api/faqs?q=${encodeURIComponent('sick note')}`)).body.items.map((f: { id: number }) => f.id)).toContain(id)
    await h.call(who.studentAffairsOwner, 'PUT', `/api/questions/${id}/faq`, { published: true })
    expect(await faqEn()).toMatchObject({ questionEn: english.questionEn })
    await h.call(who.studentAffairsOwner, 'PUT', `/api/questions/${id}/faq`, { published: true, questionEn: '', answerEn: '' })
    expect(await faqEn()).toMatchObject({ questionEn: null, answerEn: null, question: '病假证明可以事后补交吗？' })

    // Closed: no more messages.
    expect((await h.post(who.classmate, `/api/questions/${id}/close`, {})).status).toBe(404)
    expect((await h.post(who.student, `/api/questions/${id}/close`, {})).body.status).toBe('closed')
    const late = await h.post(who.student, `/api/questions/${id}/messages`, { body: '还有一个问题' })
    expect(late.status).toBe(409)
    expect((await h.get(who.student, '/api/questions?mine=1')).body.items.find((q: { id: number }) => q.id === id).status).toBe('closed')

    // Taking it down removes it from the FAQ.
    expect((await h.call(who.studentAffairsOwner, 'PUT', `/api/questions/${id}/faq`, { published: false })).body.faq).toBe(false)
    expect((await h.get(null, '/api/faqs?serviceCode=undergrad-leave')).body.items.map((f: { id: number }) => f.id)).not.toContain(id)
  })

  it('sends a question about no service to the network centre, and refuses bad input', async () => {
    const h = await hall()
    const res = await h.post(who.classmate, '/api/questions', { title: '如何修改绑定手机号？', body: '换了手机号，统一身份认证怎么改？' })
    expect(res.body.department.code).toBe('network-centre')
    expect((await h.get(who.otherOwner, '/api/questions?box=inbox')).body.items.map((q: { id: number }) => q.id)).toContain(res.body.id)
    expect((await h.get(who.studentAffairsOwner, `/api/questions/${res.body.id}`)).status).toBe(404)

    expect((await h.post(who.classmate, '/api/questions', { title: ' ', body: 'x' })).status).toBe(400)
    expect((await h.post(who.classmate, '/api/questions', { title: 'a', body: 'b', serviceCode: 'no-such-service' })).status).toBe(404)
    expect((await h.get(who.classmate, '/api/questions')).status).toBe(400)
    expect((await h.post(null, '/api/questions', { title: 'a', body: 'b' })).status).toBe(401)
    // A question about no service cannot become a service's FAQ.
    await h.post(who.otherOwner, `/api/questions/${res.body.id}/messages`, { body: '在个人中心修改。' })
    expect((await h.call(who.otherOwner, 'PUT', `/api/questions/${res.body.id}/faq`, { published: true })).status).toBe(409)
  })

  it('has the seeded questions: FAQ published, answered, open', async () => {
    const h = await hall()
    const faqs = (await h.get(null, '/api/faqs')).body.items
    expect(faqs.length).toBeGreaterThanOrEqual(3)
    const inbox = (await h.get(who.admin, '/api/questions?box=inbox')).body.items as Array<{ status: string }>
    expect(new Set(inbox.map((q) => q.status))).toEqual(new Set(['open', 'answered', 'closed']))
  })
})
