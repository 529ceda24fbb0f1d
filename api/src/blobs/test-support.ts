import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import S3rver from 's3rver'

/**
 * An S3-compatible server for tests (s3rver: Node, on a free port, files in a temporary folder)
 * with one empty bucket; the settings that point HALL_BLOB_STORE at it. s3rver answers the S3 API
 * but checks no signatures, has no multipart limits and is never eventually consistent: it tests
 * our use of the protocol, not a vendor's store.
 */
export async function startS3(bucket = 'hall-test') {
  const directory = mkdtempSync(path.join(tmpdir(), 'hall-s3-'))
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: [{ name: bucket }] })
  const { port } = await server.run()
  const endpoint = `http://127.0.0.1:${port}`
  return {
    endpoint,
    bucket,
    /** HALL_* settings for a hall on this server, keys under `prefix`. */
    env: (prefix = 'hall') => ({
      HALL_BLOB_STORE: `s3://${bucket}/${prefix}`,
      HALL_S3_ENDPOINT: endpoint,
      HALL_S3_ACCESS_KEY_ID: 'S3RVER',
      HALL_S3_SECRET_ACCESS_KEY: 'S3RVER',
    }),
    stop: async () => {
      await server.close()
      rmSync(directory, { recursive: true, force: true })
    },
  }
}
