import zlib from 'node:zlib'

// Small real files built in memory for the upload tests: their first bytes are what the server
// reads to tell their type, whatever they are called.

export function pdfBytes(text = 'Minghu University'): Uint8Array {
  return new TextEncoder().encode(`%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% ${text}\ntrailer << /Root 1 0 R >>\n%%EOF\n`)
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(zlib.crc32(body) >>> 0)
  return Buffer.concat([length, body, crc])
}

/** A 1×1 PNG of one colour (a different colour is a different file). */
export function pngBytes(rgb: [number, number, number] = [0, 128, 255]): Uint8Array {
  const header = Buffer.alloc(13)
  header.writeUInt32BE(1, 0)
  header.writeUInt32BE(1, 4)
  header[8] = 8 // bit depth
  header[9] = 2 // true colour
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  return new Uint8Array(
    Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', zlib.deflateSync(Buffer.from([0, ...rgb]))), chunk('IEND', Buffer.alloc(0))]),
  )
}

/** The start of a Windows program: "MZ", a DOS stub, then nothing that matters here. */
export function exeBytes(): Uint8Array {
  const bytes = new Uint8Array(512)
  bytes.set([0x4d, 0x5a], 0)
  return bytes
}

export function fileOf(bytes: Uint8Array, name: string, type = 'application/octet-stream'): File {
  return new File([new Uint8Array(bytes)], name, { type })
}

/** The start of a JPEG (SOI and a JFIF header), then padding and EOI: typed image/jpeg by its content. */
export function jpegBytes(): Uint8Array {
  const header = [0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]
  return new Uint8Array([...header, ...new Array(64).fill(0), 0xff, 0xd9])
}

/** A ZIP whose `[Content_Types].xml` names a Word document: what tells a .docx file by its content. */
export function docxBytes(): Uint8Array {
  const entry = (fileName: string, text: string) => {
    const name = Buffer.from(fileName)
    const data = Buffer.from(text)
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt32LE(zlib.crc32(data) >>> 0, 14)
    local.writeUInt32LE(data.length, 18)
    local.writeUInt32LE(data.length, 22)
    local.writeUInt16LE(name.length, 26)
    return Buffer.concat([local, name, data])
  }
  const types =
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
  return new Uint8Array(Buffer.concat([entry('[Content_Types].xml', types), entry('word/document.xml', '<w:document/>')]))
}
