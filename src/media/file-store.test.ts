import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkFileKey, LocalFileStore, readAll } from './file-store';

let root: string;
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'clientflows-files-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('checkFileKey', () => {
  it('accepts relative slash-separated keys', () => {
    expect(checkFileKey('s3_files/uploads/oseh_s3fu_x/1/abc')).toBeNull();
    expect(checkFileKey('originals/ab/cdef.png')).toBeNull();
  });
  it('refuses escapes, absolute paths, empty segments and trailing dots', () => {
    for (const key of ['', '../x', 'a/../b', '/abs', 'a//b', 'a/b/', 'a/.', 'name.', 'a\\b', 'a b', '.hidden']) {
      expect(checkFileKey(key), key).not.toBeNull();
    }
  });
});

describe('LocalFileStore', () => {
  it('puts, stats, reads whole and by inclusive range, deletes', async () => {
    const store = new LocalFileStore(root);
    expect(await store.put('a/b/c.bin', Buffer.from('0123456789'))).toEqual({ size: 10 });
    expect(await store.stat('a/b/c.bin')).toEqual({ size: 10 });
    expect((await readAll((await store.get('a/b/c.bin'))!.body)).toString()).toBe('0123456789');
    const part = (await store.get('a/b/c.bin', { start: 2, end: 4 }))!;
    expect(part.size).toBe(10);
    expect((await readAll(part.body)).toString()).toBe('234');
    await store.delete('a/b/c.bin');
    await store.delete('a/b/c.bin');
    expect(await store.stat('a/b/c.bin')).toBeNull();
    expect(await store.get('a/b/c.bin')).toBeNull();
  });

  it('streams a put and leaves no temporary file when the source fails', async () => {
    const store = new LocalFileStore(root);
    await store.put('s.bin', Readable.from([Buffer.from('ab'), Buffer.from('cd')]));
    expect(await store.stat('s.bin')).toEqual({ size: 4 });
    const failing = new Readable({
      read() {
        this.destroy(new Error('source broke'));
      },
    });
    await expect(store.put('f.bin', failing)).rejects.toThrow('source broke');
    expect(readdirSync(root).sort()).toEqual(['s.bin']);
  });

  it('refuses a key that would escape the root', async () => {
    const store = new LocalFileStore(root);
    await expect(store.put('../escape', Buffer.from('x'))).rejects.toThrow(/key/);
  });
});
