import { timingSafeEqual } from 'node:crypto'

/** Constant-time comparison, so a secret cannot be guessed a byte at a time from timings. */
export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}
