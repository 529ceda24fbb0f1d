import { applicationStateSchema, processDefinitionSchema, type ApplicationState, type ProcessDefinition } from '@hall/workflow'
import { HallError } from '../lib/errors.ts'
import { FormDefinitionSchema, type FormDefinition } from '@hall/forms/format'

// A service version's stored definitions, read back and checked. They were validated when the
// version was published; a row that no longer parses is the service's owners' to fix, and the
// person who hit it is told so instead of getting a 500.

interface VersionRef {
  serviceCode: string
  version: number
}

export function processOf(version: VersionRef & { process: unknown }): ProcessDefinition {
  if (version.process == null) {
    throw new HallError(
      422,
      'no_process',
      `The service "${version.serviceCode}" (version ${version.version}) has no approval process yet; contact its owners`,
      `服务“${version.serviceCode}”（第 ${version.version} 版）尚未配置审批流程，请联系服务负责人`,
    )
  }
  const parsed = processDefinitionSchema.safeParse(version.process)
  if (!parsed.success) {
    throw new HallError(
      422,
      'invalid_process',
      `The approval process of "${version.serviceCode}" (version ${version.version}) is not valid; contact its owners`,
      `服务“${version.serviceCode}”（第 ${version.version} 版）的审批流程配置有误，请联系服务负责人`,
    )
  }
  return parsed.data
}

/** The version's form, or null when it has none yet (then there is nothing to validate). */
export function formOf(version: VersionRef & { form: unknown }): FormDefinition | null {
  if (version.form == null) return null
  const parsed = FormDefinitionSchema.safeParse(version.form)
  if (!parsed.success) {
    throw new HallError(
      422,
      'invalid_form_definition',
      `The form of "${version.serviceCode}" (version ${version.version}) is not valid; contact its owners`,
      `服务“${version.serviceCode}”（第 ${version.version} 版）的表单配置有误，请联系服务负责人`,
    )
  }
  return parsed.data
}

/** The engine state stored on an application, or null for a row from before the engine. */
export function stateOf(stored: unknown): ApplicationState | null {
  if (stored == null) return null
  return applicationStateSchema.parse(stored)
}
