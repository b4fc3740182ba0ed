import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { ApiError } from '../../shared/api/errors';

/** What the person at the desk chose for it, kept in the data folder (settings.json). */
export interface DeskSettings {
  /** PKCS#11 modules added by hand, beyond those found where the card vendors install them. */
  pkcs11Modules: string[];
}

export const deskSettingsFileName = 'settings.json';

const empty = (): DeskSettings => ({ pkcs11Modules: [] });

function parse(text: string): DeskSettings | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const modules = (value as { pkcs11Modules?: unknown }).pkcs11Modules ?? [];
  if (!Array.isArray(modules) || !modules.every((path) => typeof path === 'string')) return null;
  return { pkcs11Modules: modules };
}

/**
 * The desk's settings file. A file that is not ours (unreadable, not the JSON we write) is never
 * overwritten: reading it says so, and the desk goes on with no added modules.
 */
export class DeskSettingsFile {
  constructor(readonly path: string) {}

  static in(dataDir: string): DeskSettingsFile {
    return new DeskSettingsFile(join(dataDir, deskSettingsFileName));
  }

  /** The settings; throws `storage_corrupt` (naming the file) when it holds something else. */
  read(): DeskSettings {
    if (!existsSync(this.path)) return empty();
    let text: string;
    try {
      text = readFileSync(this.path, 'utf8');
    } catch {
      throw new ApiError('storage_corrupt', { path: this.path });
    }
    const settings = parse(text);
    if (!settings) throw new ApiError('storage_corrupt', { path: this.path });
    return settings;
  }

  /** The settings, or none when the file cannot be read (its problem is told where it is changed). */
  readOrEmpty(): DeskSettings {
    try {
      return this.read();
    } catch {
      return empty();
    }
  }

  /** Written whole to a new file, then renamed over the old one: a crash leaves one or the other. */
  update(change: (settings: DeskSettings) => DeskSettings): DeskSettings {
    const next = change(this.read());
    const temporary = join(dirname(this.path), `.${basename(this.path)}.${process.pid}.tmp`);
    writeFileSync(temporary, `${JSON.stringify(next, null, 2)}\n`, { mode: 0o600 });
    renameSync(temporary, this.path);
    return next;
  }
}
