import type { FormDefinition } from '@hall/forms/format'
import type { Deps } from '../lib/context.ts'
import { createEmbeddedPlatform } from './embedded.ts'
import { createHttpPlatform } from './http.ts'
import { resolvePrefill, type PrefillResult } from './prefill.ts'
import { DataPlatformUnavailable, type DataPlatform, type PlatformRecord } from './types.ts'

// The data platform (数据中心): one interface, the adapter chosen by configuration
// (HALL_DATA_PLATFORM=embedded|http). See README.md in this folder.

export { createEmbeddedPlatform, embeddedRecord } from './embedded.ts'
export { createHttpPlatform, fromWireRecord, toWireRecord, WireRecordSchema, type WireRecord } from './http.ts'
export { lockedValues, resolvePrefill, type PrefillResult, type PrefillSource } from './prefill.ts'
export { DataPlatformUnavailable, type DataPlatform, type DataSource, type PlatformRecord, type PlatformValue } from './types.ts'

// One adapter per set of dependencies (per app), made on first use. Deps stays free of it so the
// other features need not know the platform exists; tests may put their own in with `useDataPlatform`.
const adapters = new WeakMap<Deps, DataPlatform>()

export function dataPlatformOf(deps: Deps): DataPlatform {
  let platform = adapters.get(deps)
  if (!platform) {
    const cfg = deps.env.dataPlatform
    platform =
      cfg.kind === 'http'
        ? createHttpPlatform({ url: cfg.url!, token: cfg.token, tokenHeader: cfg.tokenHeader, timeoutMs: cfg.timeoutMs, log: deps.log })
        : createEmbeddedPlatform(deps.db)
    adapters.set(deps, platform)
  }
  return platform
}

/** Replaces the adapter of these dependencies (a test's fake platform). */
export function useDataPlatform(deps: Deps, platform: DataPlatform) {
  adapters.set(deps, platform)
}

export interface PlatformWarning {
  code: 'data_platform_unavailable'
  message: string
  messageZh: string
}

/**
 * A person's record, or a warning instead of an error when the platform cannot be asked: the hall
 * keeps working without pre-filled values (the person types them) rather than failing.
 */
export async function personOrWarning(deps: Deps, cardNumber: string): Promise<{ record: PlatformRecord | null; warning: PlatformWarning | null }> {
  try {
    return { record: await dataPlatformOf(deps).person(cardNumber), warning: null }
  } catch (err) {
    if (!(err instanceof DataPlatformUnavailable)) throw err
    deps.log.warn({ err: err.message, cardNumber }, 'data platform unavailable; no pre-filled values')
    return {
      record: null,
      warning: {
        code: 'data_platform_unavailable',
        message: `Your data could not be fetched from the university's data platform just now (${err.message}), so nothing is pre-filled: please fill in the form yourself, or try again later.`,
        messageZh: '暂时无法从学校数据中心获取您的信息，表单未能自动填写：请手动填写，或稍后再试。',
      },
    }
  }
}

/** The pre-filled values of a form for a person, with a warning when the platform could not be asked. */
export async function prefillFor(
  deps: Deps,
  definition: FormDefinition,
  cardNumber: string,
): Promise<PrefillResult & { available: boolean; warning: PlatformWarning | null }> {
  const { record, warning } = await personOrWarning(deps, cardNumber)
  return { ...resolvePrefill(definition, record), available: !warning, warning }
}

/**
 * The record the eligibility rules read beside the people table: with the HTTP platform, the
 * person's record (null when unknown or unreachable, so the rules see only the stored profile);
 * with the embedded platform none, its record being the people table already.
 */
export async function platformRecordForEligibility(deps: Deps, cardNumber: string): Promise<PlatformRecord | null> {
  if (deps.env.dataPlatform.kind !== 'http') return null
  return (await personOrWarning(deps, cardNumber)).record
}
