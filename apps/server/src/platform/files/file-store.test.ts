import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFileStore } from './file-store.ts';

const roots: string[] = [];
function tempRoot() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'paydesk-files-'));
  roots.push(root);
  return root;
}
afterEach(() => {
  for (const root of roots.splice(0)) fs.rmSync(root, { recursive: true, force: true });
});

describe('file store', () => {
  it('stores bytes under their SHA-256 and reads them back', async () => {
    const store = createFileStore(tempRoot());
    const stored = await store.put(Buffer.from('hello'));
    expect(stored).toEqual({
      sha256: '2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824',
      sizeBytes: 5,
    });
    expect((await store.read(stored.sha256)).toString()).toBe('hello');
    expect(await store.exists(stored.sha256)).toBe(true);
  });

  it('keeps one copy of the same content and leaves no temporary files', async () => {
    const root = tempRoot();
    const store = createFileStore(root);
    const [a, b] = await Promise.all([store.put(Buffer.from('same')), store.put(Buffer.from('same'))]);
    expect(a.sha256).toBe(b.sha256);
    const files = fs.readdirSync(root, { recursive: true }).map(String);
    expect(files.filter((name) => name.endsWith('.tmp'))).toEqual([]);
    expect(files.filter((name) => name.endsWith(a.sha256))).toHaveLength(1);
  });

  it('refuses keys that are not a SHA-256, so no path can escape the root', async () => {
    const store = createFileStore(tempRoot());
    await expect(store.read('../../etc/passwd')).rejects.toThrow(/not a file key/);
    expect(await store.exists('0'.repeat(64))).toBe(false);
  });
});
