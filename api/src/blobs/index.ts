import type { Env } from '../env.ts'
import { folderStore } from './folder-store.ts'
import { s3Store } from './s3-store.ts'
import type { BlobStore } from './store.ts'

export { checkKey, staticKey, uploadKey, type BlobStore, type StoredObject } from './store.ts'

/** The store HALL_BLOB_STORE names: the data folder (the default) or an S3-compatible bucket. */
export function openBlobStore(env: Env): BlobStore {
  const spec = env.blobStore
  return spec.kind === 'folder' ? folderStore(spec.dir) : s3Store(spec)
}
