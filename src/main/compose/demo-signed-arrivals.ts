import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signItems } from '../desk/signing/service';
import {
  planArrivingApplications,
  recordArrivingApplications,
  type ArrivingApplication,
} from '../office/demo/signed-arrivals';
import { DocumentContents } from '../office/signatures/document-contents';
import type { Store } from '../office/store/open-store';
import { issueCitizenPracticeCard, practiceSession } from './practice-card';

const dayMs = 86_400_000;

/**
 * A copy changed after it was signed, as a document damaged on its way: one digit of the
 * original revision's /ModDate, which the signature covers, so the file still reads as a PDF.
 */
function damaged(signed: Uint8Array): Uint8Array {
  const bytes = Buffer.from(signed);
  const at = bytes.indexOf('/ModDate (D:');
  if (at < 0) throw new Error('demo arrivals: the application has no /ModDate to change');
  const digit = at + '/ModDate (D:'.length;
  bytes[digit] = bytes[digit] === 0x31 ? 0x32 : 0x31;
  return new Uint8Array(bytes);
}

/** The applicant signs their application with their practice certificate at the time they sent it. */
async function signedByApplicant(application: ArrivingApplication, scratch: string, now: Date) {
  const card = await issueCitizenPracticeCard(application.applicant, {
    notBefore: new Date(application.signedAt.getTime() - dayMs),
    notAfter: new Date(now.getTime() + 730 * dayMs),
  });
  const outDir = mkdtempSync(join(scratch, 'signed-'));
  const outcome = await signItems({
    items: [
      {
        id: String(application.documentId),
        open() {
          const path = join(scratch, `${application.documentId}.pdf`);
          writeFileSync(path, application.bytes);
          // The practice CA is a root: nothing completes its chain, and the trust store read again
          // for each applicant's new certificate cost the seed most of a second.
          return { path, outDir, options: { now: () => application.signedAt, intermediates: [] } };
        },
        async store(result) {
          return new Uint8Array(readFileSync(result.output));
        },
      },
    ],
    key: { session: practiceSession(card) },
    allOrNothing: true,
  });
  const [item] = outcome.outcomes;
  if (item?.state !== 'signed')
    throw new Error(`demo arrivals: application ${application.documentId} not signed`);
  return application.damagedInTransit ? damaged(item.stored) : item.stored;
}

/**
 * The demo city's documents that arrive signed (issue 8): the applications of the year's demo
 * book cases, each signed by its applicant with a citizen practice certificate (verified as
 * training), and in each department one copy changed after it was signed (verified as invalid).
 */
export async function seedSignedArrivals(store: Store, options: { now: Date }): Promise<number> {
  const contents = new DocumentContents(store.documentsDir);
  const planned = await planArrivingApplications(store.db, contents, options.now);
  if (planned.length === 0) return 0;
  const scratch = mkdtempSync(join(tmpdir(), 'despacho-demo-arrivals-'));
  try {
    const arrived: { documentId: number; bytes: Uint8Array }[] = [];
    for (const application of planned)
      arrived.push({
        documentId: application.documentId,
        bytes: await signedByApplicant(application, scratch, options.now),
      });
    await recordArrivingApplications(store.db, contents, arrived);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return planned.length;
}
