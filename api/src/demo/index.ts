// Demo mode's one way in: everything that fills a hall with the fictional university of
// @hall/demo-university (organisation, the 30 services published, past applications, ratings,
// questions, the embedded data platform's sources). Only server.ts in demo mode and tests use it.
export { seedDemo } from './seed.ts'
export { storeSeededFiles } from './past-applications.ts'
export { sampleValues, type Random, type SampleDirectory } from './sample-values.ts'
