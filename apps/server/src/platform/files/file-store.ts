import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

/** Where a stored file lives: its SHA-256 (hex) and size. */
export interface StoredFile {
  sha256: string;
  sizeBytes: number;
}

/**
 * Content-addressed file storage on the local disk (the data directory by default): a file is
 * stored once under its SHA-256, so the same attachment uploaded twice takes the space once and a
 * stored file can never change under the rows that point at it. Writes go to a temporary file
 * first and are renamed into place, so a crash never leaves a half-written file under a real name.
 * Several server processes need a shared directory (a network mount); an object store can replace
 * this behind the same three functions.
 */
export interface FileStore {
  put(bytes: Buffer): Promise<StoredFile>;
  read(sha256: string): Promise<Buffer>;
  exists(sha256: string): Promise<boolean>;
}

const hexSha256 = /^[0-9a-f]{64}$/;

export function createFileStore(root: string): FileStore {
  function pathOf(sha256: string) {
    // The key is always our own hash, never a client's path; checked anyway, as defence in depth.
    if (!hexSha256.test(sha256)) throw new Error(`not a file key: ${sha256}`);
    return path.join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  return {
    async put(bytes) {
      const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
      const target = pathOf(sha256);
      await fs.mkdir(path.dirname(target), { recursive: true });
      const temporary = `${target}.${process.pid}.${crypto.randomUUID()}.tmp`;
      const handle = await fs.open(temporary, 'wx', 0o600);
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await fs.rename(temporary, target);
      return { sha256, sizeBytes: bytes.length };
    },

    async read(sha256) {
      return fs.readFile(pathOf(sha256));
    },

    async exists(sha256) {
      return fs.access(pathOf(sha256)).then(
        () => true,
        () => false,
      );
    },
  };
}
