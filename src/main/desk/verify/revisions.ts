import { open } from 'node:fs/promises';

const marker = Buffer.from('%%EOF');

/**
 * The end offset of every revision: just past each `%%EOF` and its line break. Scanned in chunks
 * so a large file is never held whole.
 */
export async function revisionEnds(path: string): Promise<number[]> {
  const ends: number[] = [];
  const file = await open(path, 'r');
  try {
    const size = (await file.stat()).size;
    const chunk = Buffer.allocUnsafe(1 << 20);
    let carry = Buffer.alloc(0);
    let base = 0;
    for (let position = 0; position < size;) {
      const { bytesRead } = await file.read(chunk, 0, chunk.length, position);
      if (bytesRead === 0) break;
      const window = Buffer.concat([carry, chunk.subarray(0, bytesRead)]);
      for (let at = window.indexOf(marker); at >= 0; at = window.indexOf(marker, at + 1)) {
        let end = base + at + marker.length;
        const tail = await readAt(file, end, 2);
        if (tail[0] === 0x0d) end++;
        if (tail[tail[0] === 0x0d ? 1 : 0] === 0x0a) end++;
        if (!ends.includes(end)) ends.push(end);
      }
      position += bytesRead;
      carry = window.subarray(Math.max(0, window.length - (marker.length - 1)));
      base = position - carry.length;
    }
  } finally {
    await file.close();
  }
  return ends;
}

async function readAt(
  file: Awaited<ReturnType<typeof open>>,
  position: number,
  length: number,
): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await file.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}

/** The 1-based revision whose end is `end` (with or without its trailing line break), or null. */
export function revisionEndingAt(ends: readonly number[], end: number): number | null {
  for (let i = 0; i < ends.length; i++) {
    const revisionEnd = ends[i]!;
    if (end <= revisionEnd && end >= revisionEnd - 2) return i + 1;
  }
  return null;
}
