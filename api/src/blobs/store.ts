// Where the bytes the database only names live: uploaded files (`uploads/…`, one object per
// content) and the micro-frontends' published versions (`static/…`, with precompressed copies).
// One node keeps them in its data folder; several nodes need one place they all see: a shared
// mount (the same folder store) or an S3-compatible object store (HALL_BLOB_STORE, decision 016).

/** An object as read back: its bytes as a stream, and their count. */
export interface StoredObject {
  body: ReadableStream<Uint8Array>
  size: number
}

export interface BlobStore {
  /** Where objects go, for logs and the start-up line (no secrets). */
  readonly description: string
  /**
   * Stores the bytes under the key, replacing what was there. Readers never see half an object,
   * and two nodes writing the same key at once end with one complete object.
   */
  put(key: string, bytes: Uint8Array): Promise<void>
  /** The object, or null when there is none. */
  get(key: string): Promise<StoredObject | null>
  /** The object's bytes, or null (for small objects: a page template, a manifest). */
  read(key: string): Promise<Buffer | null>
  has(key: string): Promise<boolean>
  /** Releases connections (tests; a stopping node). */
  close(): void
}

/** Refuses keys that could leave the store's folder or prefix: `..`, absolute, empty parts, NUL. */
export function checkKey(key: string): string {
  const parts = key.split('/')
  if (!key || key.includes('\0') || key.includes('\\') || parts.some((p) => p === '' || p === '.' || p === '..')) {
    throw new Error(`not a blob key: ${JSON.stringify(key)}`)
  }
  return key
}

/** The key of an uploaded file's bytes: two levels by the hash, so no folder grows past a few thousand entries. */
export function uploadKey(sha256: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`not a SHA-256: ${sha256}`)
  return `uploads/${sha256.slice(0, 2)}/${sha256}`
}

/** The key of a file served at `/static/<path>` (a published version's file). */
export function staticKey(urlPath: string): string {
  return checkKey(`static/${urlPath}`)
}
