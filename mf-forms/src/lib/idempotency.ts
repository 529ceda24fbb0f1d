/**
 * A fresh `Idempotency-Key`: the API makes one application per key, so a submit attempt keeps its
 * key across retries (a double click, a lost answer) and only a new attempt gets a new one.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID()
  // randomUUID exists only in secure contexts; getRandomValues everywhere.
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}
