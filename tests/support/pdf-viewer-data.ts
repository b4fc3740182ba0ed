import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { openOfficeStore } from '../../src/main/compose/office-store';
import { loadCalendar } from '../../src/main/office/calendar/load';
import { storeContent } from '../../src/main/office/store/contents';

/** A PNG of random pixels: it does not compress, so each page carries about `side`² × 3 bytes. */
function noisePng(side: number): Uint8Array {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(side, 0);
  header.writeUInt32BE(side, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
  const rows = Buffer.concat(
    Array.from({ length: side }, () => Buffer.concat([Buffer.from([0]), randomBytes(side * 3)])),
  );
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 0 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export interface LongPdfOptions {
  pages: number;
  /** A word written on these pages (1-based), once each, for the search to find. */
  word: string;
  wordPages: readonly number[];
  /** With a picture of random pixels this wide (and high) on every page, as a scan would have. */
  pictureSide?: number;
}

/** An A4 document of many pages, each saying which page it is; what the viewer's spec and bench open. */
export async function longPdf(options: LongPdfOptions): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (let number = 1; number <= options.pages; number++) {
    const page = pdf.addPage([595.28, 841.89]);
    page.drawText(`Proyecto técnico — página ${number} de ${options.pages}`, {
      x: 56,
      y: 780,
      size: 14,
      font,
    });
    page.drawText('Memoria descriptiva de la obra (documento de prueba).', { x: 56, y: 750, size: 11, font });
    if (options.wordPages.includes(number))
      page.drawText(`Nota: ${options.word} en la parcela.`, { x: 56, y: 720, size: 11, font });
    if (options.pictureSide) {
      const picture = await pdf.embedPng(noisePng(options.pictureSide));
      page.drawImage(picture, { x: 56, y: 200, width: 480, height: 480 });
    }
  }
  return pdf.save({ useObjectStreams: false });
}

export interface AddedDocument {
  title: string;
  bytes: Uint8Array;
  format: string;
}

/**
 * Seeds a demo city of `demoCases` cases in `dataDir` (a folder that holds one already keeps it)
 * and adds `documents` to Urbanismo's first case (its bytes in the documents folder, as the office keeps them). The folder is closed again,
 * ready for `despacho serve --data`. Returns that case's id and the added documents' ids.
 */
export async function demoCityWithDocuments(
  dataDir: string,
  demoCases: number,
  documents: readonly AddedDocument[],
): Promise<{ caseId: string; documentIds: string[] }> {
  const store = await openOfficeStore(
    { kind: 'pglite', dataDir },
    { demo: { cases: demoCases, calendar: loadCalendar(), now: new Date() } },
  );
  try {
    const target = await store.db
      .selectFrom('cases')
      .select('id')
      .where('department_id', '=', 'urbanismo')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const last = await store.db
      .selectFrom('documents')
      .select((eb) => eb.fn.max('position').as('position'))
      .where('case_id', '=', target.id)
      .executeTakeFirst();
    const documentIds: string[] = [];
    for (const [index, document] of documents.entries()) {
      const stored = storeContent(join(dataDir, 'documents'), document.bytes);
      const row = await store.db
        .insertInto('documents')
        .values({
          case_id: target.id,
          position: Number(last?.position ?? 0) + index + 1,
          title: document.title,
          eni_id: `ES_L01031655_2026_VIEWER${index + 1}`,
          document_type: 'TD99',
          origin: 0,
          elaboration_state: 'EE01',
          format: document.format,
          captured_at: new Date(),
          sha256: stored.sha256,
          size: stored.size,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      documentIds.push(String(row.id));
    }
    return { caseId: String(target.id), documentIds };
  } finally {
    await store.close();
  }
}
