/** Reading part of a file by position, for the caches' files (parse/facts-cache.ts, commands/report-cache.ts). */
import { readSync } from 'node:fs';

/** `length` bytes of the file open as `fd`, from byte `at`. @throws Error('truncated') when the file ends first, and as readSync(2). */
export function readAt(fd: number, at: number, length: number): Buffer {
  const buffer = Buffer.allocUnsafe(length);
  for (let done = 0; done < length;) {
    const n = readSync(fd, buffer, done, length - done, at + done);
    if (n === 0) throw new Error('truncated');
    done += n;
  }
  return buffer;
}
