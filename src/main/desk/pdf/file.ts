import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/** Files up to this size are read once and served from memory: a resolution is a few KiB. */
const wholeFileLimit = 1 << 20;

/** Positioned reads over an open file, so that a 50 MB PDF is never loaded whole. */
export class RandomAccessFile {
  readonly size: number;
  /** The whole file, when it is small. */
  readonly contents: Buffer | null;
  private closed = false;
  private constructor(private readonly fd: number) {
    this.size = fstatSync(fd).size;
    this.contents = this.size <= wholeFileLimit ? this.readFromDisk(0, this.size) : null;
  }

  static open(path: string): RandomAccessFile {
    return new RandomAccessFile(openSync(path, 'r'));
  }

  read(offset: number, length: number): Buffer {
    if (this.contents)
      return this.contents.subarray(Math.max(0, offset), Math.max(0, Math.min(this.size, offset + length)));
    return this.readFromDisk(offset, length);
  }

  private readFromDisk(offset: number, length: number): Buffer {
    const wanted = Math.max(0, Math.min(length, this.size - offset));
    const buffer = Buffer.allocUnsafe(wanted);
    let done = 0;
    while (done < wanted) {
      const count = readSync(this.fd, buffer, done, wanted - done, offset + done);
      if (count === 0) break;
      done += count;
    }
    return buffer.subarray(0, done);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    closeSync(this.fd);
  }
}
