import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dataFolderLockEntry } from '../../../src/main/office/store/data-folder-lock';
import { copyDataFolder } from '../../../src/main/office/store/copy-data-folder';

let scratch: string;
let from: string;
const document = join('documents', 'ab', 'ab'.padEnd(64, '0'));

beforeEach(() => {
  scratch = mkdtempSync(join(tmpdir(), 'despacho-copy-folder-'));
  from = join(scratch, 'store');
  mkdirSync(join(from, 'db', 'base'), { recursive: true });
  writeFileSync(join(from, 'db', 'PG_VERSION'), '17\n');
  writeFileSync(join(from, 'db', 'base', 'table'), 'rows');
  mkdirSync(join(from, 'documents', 'ab'), { recursive: true });
  writeFileSync(join(from, document), '%PDF-1.7');
  writeFileSync(join(from, 'despacho-store.json'), '{"format":1}\n');
  mkdirSync(join(from, dataFolderLockEntry));
  writeFileSync(join(from, dataFolderLockEntry, '1'), '{"pid":1}');
});
afterEach(() => rmSync(scratch, { recursive: true, force: true }));

describe('copying a closed data folder (a trainee’s sandbox from the class’s start)', () => {
  it('copies the database, shares the documents’ files and leaves the lock behind', () => {
    const to = join(scratch, 'copy');
    copyDataFolder(from, to);
    expect(readFileSync(join(to, 'db', 'base', 'table'), 'utf8')).toBe('rows');
    expect(statSync(join(to, 'db', 'base', 'table')).ino).not.toBe(
      statSync(join(from, 'db', 'base', 'table')).ino,
    );
    expect(statSync(join(to, document)).ino).toBe(statSync(join(from, document)).ino);
    expect(readFileSync(join(to, 'despacho-store.json'), 'utf8')).toBe('{"format":1}\n');
    expect(existsSync(join(to, dataFolderLockEntry))).toBe(false);
    // The copy's database is its own: a change to it leaves the original as it was.
    writeFileSync(join(to, 'db', 'base', 'table'), 'changed');
    expect(readFileSync(join(from, 'db', 'base', 'table'), 'utf8')).toBe('rows');
  });

  it('never copies over a folder, and takes no leftover of a copy cut short for a whole one', () => {
    const to = join(scratch, 'copy');
    mkdirSync(`${to}.partial`, { recursive: true });
    writeFileSync(join(`${to}.partial`, 'stray'), 'half');
    copyDataFolder(from, to);
    expect(existsSync(join(to, 'stray'))).toBe(false);
    expect(existsSync(`${to}.partial`)).toBe(false);
    expect(() => copyDataFolder(from, to)).toThrow(/exists/);
  });
});
