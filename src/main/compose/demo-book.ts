import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IssuedCertificate } from '../desk/crypto/issue-certificate';
import { signItems, type SigningItem } from '../desk/signing/service';
import {
  demoResolutionPdf,
  planDemoBook,
  recordDemoSignatures,
  type DemoResolution,
  type SignedDemoResolution,
} from '../office/book/demo-book';
import { bookYear } from '../office/book/reservations';
import { markedPdf, type GeneratedPdfMark } from '../office/generated-pdf';
import { DocumentContents } from '../office/signatures/document-contents';
import type { Store } from '../office/store/open-store';
import { issuePracticeCard, practiceHolderOf, practiceSession } from './practice-card';
import { certifiedSignerOf } from './signer-check';

export interface DemoBookOptions {
  /** The instant the demo city is built for: the book is this year's, up to this instant. */
  now: Date;
  /** At most this many resolutions, sampled over the year; keeps the first start quick. */
  limit?: number;
  /** These cases' resolutions are in the book, within the limit (the demo city's staged cases). */
  include?: readonly number[];
  /** The desk's mark on the resolutions before they are signed (a training sandbox's watermark). */
  markPdf?: GeneratedPdfMark;
}

export interface DemoBookSummary {
  year: number;
  resolutions: number;
}

/** About the time it takes to seed the 2,000 demo cases themselves (see the report in docs). */
const defaultLimit = 120;
const dayMs = 86_400_000;

/** A practice card per signing head, valid from before the year's first resolution to well after today. */
async function practiceCards(planned: readonly DemoResolution[], now: Date) {
  const from = new Date(Math.min(...planned.map((plan) => plan.signedAt.getTime())) - dayMs);
  const cards = new Map<string, IssuedCertificate>();
  for (const { head } of planned) {
    if (cards.has(head.actor.id)) continue;
    const holder = practiceHolderOf({ ...head, name: head.actor.name }, head.departmentName);
    cards.set(
      head.actor.id,
      await issuePracticeCard(holder, { notBefore: from, notAfter: new Date(now.getTime() + 730 * dayMs) }),
    );
  }
  return cards;
}

/** Each head signs their resolutions in one batch with their practice card, through the signing service. */
async function signAll(
  planned: readonly DemoResolution[],
  cards: Map<string, IssuedCertificate>,
  scratch: string,
  markPdf: GeneratedPdfMark | undefined,
) {
  const outDir = join(scratch, 'signed');
  mkdirSync(outDir);
  const signed: SignedDemoResolution[] = [];
  for (const [headId, card] of cards) {
    const signer = certifiedSignerOf(card.certificate, 'training');
    const items: SigningItem<SignedDemoResolution>[] = planned
      .filter((plan) => plan.head.actor.id === headId)
      .map((plan) => ({
        id: String(plan.requestId),
        async open() {
          const path = join(scratch, `${plan.requestId}.pdf`);
          writeFileSync(path, await markedPdf(markPdf, demoResolutionPdf(plan)));
          return { path, outDir, options: { field: plan.fieldName, now: () => plan.signedAt } };
        },
        async store(result) {
          return { plan, bytes: new Uint8Array(readFileSync(result.output)), signer };
        },
      }));
    const outcome = await signItems({ items, key: { session: practiceSession(card) }, allOrNothing: true });
    for (const item of outcome.outcomes) {
      if (item.state !== 'signed')
        throw new Error(`demo book: resolution ${item.id} not signed (${item.failure.kind})`);
      signed.push(item.stored);
    }
  }
  return signed.sort((a, b) => a.plan.reservation.number - b.plan.reservation.number);
}

/**
 * The demo city's resolutions book of the year so far (issue 8): resolved cases whose resolutions
 * were signed by the demo heads with the demo office's practice cards, numbered from 1. Every
 * signature verifies as a training one. A store whose year's book has begun is left alone.
 */
export async function seedDemoBook(store: Store, options: DemoBookOptions): Promise<DemoBookSummary> {
  const year = bookYear(options.now);
  const planned = await planDemoBook(store.db, options.now, options.limit ?? defaultLimit, options.include);
  if (planned.length === 0) return { year, resolutions: 0 };
  const cards = await practiceCards(planned, options.now);
  const scratch = mkdtempSync(join(tmpdir(), 'despacho-demo-book-'));
  try {
    const signed = await signAll(planned, cards, scratch, options.markPdf);
    await recordDemoSignatures(store.db, new DocumentContents(store.documentsDir), signed);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return { year, resolutions: planned.length };
}
