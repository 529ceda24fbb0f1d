import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'

// Where uploaded files' bytes live: HALL_DATA_DIR/uploads/<first two hex digits of the SHA-256>/<SHA-256>,
// once per content. The attachments feature stores and serves them; the demo seed writes its sample file.

/** The stored file of a SHA-256: two levels, so no folder grows past a few thousand entries. */
export function blobPath(uploadsDir: string, sha256: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`not a SHA-256: ${sha256}`)
  return path.join(uploadsDir, sha256.slice(0, 2), sha256)
}

/** Writes the bytes once: a second upload of the same content finds the file and writes nothing. */
export async function storeBlob(uploadsDir: string, sha256: string, bytes: Uint8Array): Promise<void> {
  const target = blobPath(uploadsDir, sha256)
  if (existsSync(target)) return
  await mkdir(path.dirname(target), { recursive: true })
  // Write beside the target, then rename: a reader never sees half a file, and two nodes writing
  // the same content at once both end with the same complete file.
  const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`
  try {
    await writeFile(temp, bytes, { flag: 'wx' })
    await rename(temp, target)
  } finally {
    await rm(temp, { force: true })
  }
}
