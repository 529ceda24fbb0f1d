import { randomBytes } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { Readable } from 'node:stream'
import { checkKey, type BlobStore } from './store.ts'

/** Objects as files under one folder (the data folder, or a mount every node shares). */
export function folderStore(root: string): BlobStore {
  const fileOf = (key: string) => path.join(root, ...checkKey(key).split('/'))
  const size = async (file: string) => {
    const info = await stat(file).catch(() => null)
    return info?.isFile() ? info.size : null
  }
  return {
    description: `folder ${root}`,
    async put(key, bytes) {
      const target = fileOf(key)
      await mkdir(path.dirname(target), { recursive: true })
      // Write beside the target, then rename over it: a reader never sees half a file, and two
      // nodes writing at once each replace the file whole.
      const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`
      try {
        await writeFile(temp, bytes, { flag: 'wx' })
        await rename(temp, target)
      } finally {
        await rm(temp, { force: true })
      }
    },
    async get(key) {
      const file = fileOf(key)
      const bytes = await size(file)
      if (bytes === null) return null
      return { body: Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>, size: bytes }
    },
    async read(key) {
      return readFile(fileOf(key)).catch((err: NodeJS.ErrnoException) => {
        if (err.code === 'ENOENT' || err.code === 'EISDIR') return null
        throw err
      })
    },
    async has(key) {
      return (await size(fileOf(key))) !== null
    },
    close() {},
  }
}
