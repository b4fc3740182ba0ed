import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locale } from '../../../shared/api/session';
import { PdfDocument } from '../pdf/document';
import { PdfString } from '../pdf/objects';
import type { AppearanceText } from './appearance';
import type { SigningItem } from './service';

/** A document that lives in memory (a resolution the office prepared), signed into memory again. */
export interface DocumentToSign<Stored> {
  id: string;
  /** Names its temporary file, and the document in messages about it: `2026-000123`. */
  name: string;
  pdf: Uint8Array;
  /** The empty signature field prepared for this signer. */
  field?: string;
  /**
   * What the visible stamp says, drawn in the field's rectangle (a document without a field gets
   * none); in the document's own language (its /Lang) unless `locale` says otherwise.
   */
  stamp?: Partial<AppearanceText>;
  /** Takes the complete signed document. */
  store(signed: Uint8Array): Promise<Stored>;
}

/**
 * Valencian when the catalog's /Lang says Catalan (ca, ca-ES-valencia), else Spanish. A file that
 * cannot be read is Spanish here: the checks that follow refuse it in their own words.
 */
function documentLocale(path: string): Locale {
  let document: PdfDocument;
  try {
    document = PdfDocument.open(path);
  } catch {
    return 'es';
  }
  try {
    const lang = document.resolve(document.catalog.get('Lang'));
    return lang instanceof PdfString && /^ca\b/i.test(lang.text()) ? 'ca-valencia' : 'es';
  } catch {
    return 'es';
  } finally {
    document.close();
  }
}

/**
 * The signing core reads and writes files (so that a 50 MB document is never held whole): the
 * document is written to a private folder of its own under `workDir`, signed there, read back for
 * `store`, and the folder removed once the item is finished with, however it ended.
 */
export function documentItem<Stored>(document: DocumentToSign<Stored>, workDir: string): SigningItem<Stored> {
  let folder: string | null = null;
  const fileName = `${document.name.replace(/[^\w.-]+/g, '-')}.pdf`;
  return {
    id: document.id,
    open() {
      folder = mkdtempSync(join(workDir, 'despacho-signing-'));
      const path = join(folder, fileName);
      writeFileSync(path, document.pdf, { mode: 0o600 });
      const outDir = join(folder, 'signed');
      mkdirSync(outDir, { mode: 0o700 });
      return {
        path,
        outDir,
        options:
          document.field === undefined
            ? {}
            : {
                field: document.field,
                // The stamp goes in the field's rectangle: the placement here is not used.
                ...(document.stamp
                  ? {
                      visible: {
                        page: 1,
                        x: 0,
                        y: 0,
                        width: 0,
                        height: 0,
                        text: { ...document.stamp, locale: document.stamp.locale ?? documentLocale(path) },
                      },
                    }
                  : {}),
              },
      };
    },
    store: (signed) => document.store(new Uint8Array(readFileSync(signed.output))),
    async dispose() {
      if (!folder) return;
      const removing = folder;
      folder = null;
      await rm(removing, { recursive: true, force: true });
    },
  };
}
