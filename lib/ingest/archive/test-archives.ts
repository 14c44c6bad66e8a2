// Builders of small tar and zip archives for the tests, written from the formats' specifications.
import { crc32, deflateRawSync } from "node:zlib";

export interface Member {
  name: string;
  content: string | Uint8Array;
  /** A tar entry type other than a regular file ("5" is a folder). */
  type?: string;
}

const encoder = new TextEncoder();

function bytesOf(content: string | Uint8Array): Uint8Array {
  return typeof content === "string" ? encoder.encode(content) : content;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** A ustar archive; names longer than 100 bytes get a pax header, as GNU tar writes them. */
export function tarArchive(members: Member[]): Uint8Array {
  const parts: Uint8Array[] = [];
  for (const member of members) {
    const body = bytesOf(member.content);
    if (encoder.encode(member.name).length > 100) {
      const record = paxRecord("path", member.name);
      parts.push(tarHeader("PaxHeader", record.length, "x"), padded(record));
    }
    parts.push(tarHeader(member.name.slice(0, 100), body.length, member.type ?? "0"), padded(body));
  }
  parts.push(new Uint8Array(1024));
  return concat(parts);
}

function paxRecord(key: string, value: string): Uint8Array {
  const rest = ` ${key}=${value}\n`;
  let length = encoder.encode(rest).length + 1;
  while (String(length).length + encoder.encode(rest).length !== length) length += 1;
  return encoder.encode(`${length}${rest}`);
}

function tarHeader(name: string, size: number, type: string): Uint8Array {
  const block = new Uint8Array(512);
  const put = (text: string, at: number) => block.set(encoder.encode(text), at);
  put(name, 0);
  put("0000644\0", 100);
  put("0000000\0", 108);
  put("0000000\0", 116);
  put(`${size.toString(8).padStart(11, "0")}\0`, 124);
  put("14000000000\0", 136);
  put("        ", 148);
  put(type, 156);
  put("ustar\0", 257);
  put("00", 263);
  const sum = block.reduce((n, b) => n + b, 0);
  put(`${sum.toString(8).padStart(6, "0")}\0 `, 148);
  return block;
}

function padded(body: Uint8Array): Uint8Array {
  const out = new Uint8Array(Math.ceil(body.length / 512) * 512);
  out.set(body);
  return out;
}

/** A zip archive with deflated members and a central directory. */
export function zipArchive(members: Member[]): Uint8Array {
  const locals: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const member of members) {
    const name = encoder.encode(member.name);
    const body = bytesOf(member.content);
    const packed = deflateRawSync(body);
    const crc = crc32(body);
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, 20, true);
    local.setUint16(8, 8, true);
    local.setUint32(14, crc, true);
    local.setUint32(18, packed.length, true);
    local.setUint32(22, body.length, true);
    local.setUint16(26, name.length, true);
    locals.push(new Uint8Array(local.buffer), name, packed);

    const entry = new DataView(new ArrayBuffer(46));
    entry.setUint32(0, 0x02014b50, true);
    entry.setUint16(4, 20, true);
    entry.setUint16(6, 20, true);
    entry.setUint16(10, 8, true);
    entry.setUint32(16, crc, true);
    entry.setUint32(20, packed.length, true);
    entry.setUint32(24, body.length, true);
    entry.setUint16(28, name.length, true);
    entry.setUint32(42, offset, true);
    central.push(new Uint8Array(entry.buffer), name);
    offset += 30 + name.length + packed.length;
  }
  const directory = concat(central);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, members.length, true);
  end.setUint16(10, members.length, true);
  end.setUint32(12, directory.length, true);
  end.setUint32(16, offset, true);
  return concat([...locals, directory, new Uint8Array(end.buffer)]);
}
