import { GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3'
import { checkKey, type BlobStore } from './store.ts'

export interface S3StoreOptions {
  bucket: string
  /** Keys are written under this prefix (no leading or trailing slash), so one bucket can serve several halls. */
  prefix: string
  /** An S3-compatible store's URL (MinIO, Ceph, a cloud's OSS/COS); unset: AWS itself. */
  endpoint?: string | undefined
  region: string
  /** Unset: the AWS SDK's own chain (AWS_* variables, the instance's role). */
  credentials?: { accessKeyId: string; secretAccessKey: string } | undefined
}

/** Whether the SDK's error is the store saying "no such object". */
function isMissing(err: unknown): boolean {
  const e = err as { name?: string; $metadata?: { httpStatusCode?: number } }
  return e.name === 'NoSuchKey' || e.name === 'NotFound' || e.$metadata?.httpStatusCode === 404
}

/** Objects in an S3-compatible bucket: what several API nodes share without a shared disk. */
export function s3Store(options: S3StoreOptions): BlobStore {
  const client = new S3Client({
    region: options.region,
    endpoint: options.endpoint,
    // Stores other than AWS mostly serve buckets as a path (`host/bucket/key`), not as a host name.
    forcePathStyle: options.endpoint !== undefined,
    credentials: options.credentials,
    // The SDK's default (since 3.729) adds CRC checksums that many S3-compatible stores do not
    // know yet; a checksum is sent or checked only where the API requires one.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  })
  const Bucket = options.bucket
  const Key = (key: string) => (options.prefix ? `${options.prefix}/${checkKey(key)}` : checkKey(key))
  const where = `s3 ${options.endpoint ?? 'aws'} bucket ${Bucket}${options.prefix ? ` prefix ${options.prefix}` : ''}`
  return {
    description: where,
    async put(key, bytes) {
      await client.send(new PutObjectCommand({ Bucket, Key: Key(key), Body: bytes, ContentLength: bytes.byteLength }))
    },
    async get(key) {
      try {
        const answer = await client.send(new GetObjectCommand({ Bucket, Key: Key(key) }))
        if (!answer.Body) return null
        // An object's body is bytes; the SDK types its web stream as ReadableStream<any>.
        return { body: answer.Body.transformToWebStream() as ReadableStream<Uint8Array>, size: answer.ContentLength ?? 0 }
      } catch (err) {
        if (isMissing(err)) return null
        throw err
      }
    },
    async read(key) {
      try {
        const answer = await client.send(new GetObjectCommand({ Bucket, Key: Key(key) }))
        return answer.Body ? Buffer.from(await answer.Body.transformToByteArray()) : null
      } catch (err) {
        if (isMissing(err)) return null
        throw err
      }
    },
    async has(key) {
      try {
        await client.send(new HeadObjectCommand({ Bucket, Key: Key(key) }))
        return true
      } catch (err) {
        if (isMissing(err)) return false
        throw err
      }
    },
    close() {
      client.destroy()
    },
  }
}
