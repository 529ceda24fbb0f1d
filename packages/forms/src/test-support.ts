// Small builders for tests: a one-section form around the fields under test.
import type { Field, FormDefinition, LocalizedText } from './definition.ts'

export const t = (zh: string, en: string): LocalizedText => ({ zh, en })

/** A form with one section holding `fields`. */
export function form(...fields: Field[]): FormDefinition {
  return { formatVersion: 1, sections: [{ title: t('测试', 'Test'), fields }] }
}
