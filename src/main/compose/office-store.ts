import type { LegalCalendar } from '../../shared/domain/calendar';
import type { SigningSession } from '../desk/signing-session';
import { recomputeDueDates } from '../office/amendments/recompute';
import { seedDemo, StoreNotEmptyError, type SeedSummary } from '../office/demo/seed';
import { DemoStagePlanner } from '../office/demo/stages-plan';
import { walkStagesAfterBook, walkStagesBeforeBook } from '../office/demo/stages-walk';
import type { GeneratedPdfMark } from '../office/generated-pdf';
import { migrate } from '../office/store/migrate';
import { openStore, type Store, type StoreLocation } from '../office/store/open-store';
import { amendmentRequestSigner, signRequestWith } from './amendment-request-signer';
import { seedDemoBook } from './demo-book';
import { seedSignedArrivals } from './demo-signed-arrivals';
import { demoOfficeSeal } from './eni-export-seal';

/** How far back a demo city dates what it files (its oldest cases are registered months before its day). */
const sealedPastMs = 730 * 86_400_000;

export interface OfficeStoreOptions {
  /** Told which migrations this opening applied (none when the schema was up to date). */
  onMigrated?: (applied: readonly string[]) => void;
  /** A fresh store gets the demo city; a store that already has cases is left alone. */
  demo?: DemoCity;
}

export interface DemoCity {
  cases: number;
  calendar: LegalCalendar;
  now: Date;
  onProgress?: (done: number, total: number) => void;
  /** The desk's mark on every PDF of the demo city, the book's resolutions included (a training sandbox's watermark). */
  markPdf?: GeneratedPdfMark;
  /** Told as each part of the seeding ends (the seeding benchmark times them). */
  onPhaseDone?: (phase: DemoSeedPhase) => void;
}

/** The parts of seeding a demo city, in their order. */
export type DemoSeedPhase =
  'cases' | 'stagesBeforeBook' | 'book' | 'signedArrivals' | 'stagesAfterBook' | 'dueDates';

/**
 * The whole demo city into an empty store (StoreNotEmptyError otherwise): its cases, some of them
 * walked through every stage of their life with their records, the year's resolutions book signed
 * by its heads, the notifications that follow, and the documents that arrived signed by applicants.
 */
export async function seedDemoCity(store: Store, demo: DemoCity): Promise<SeedSummary> {
  const stages = new DemoStagePlanner(demo.calendar, demo.now);
  // One seal for every request the city files, valid since before the oldest of them: a key issued
  // for each would cost the first start seconds.
  const seal = await demoOfficeSeal(demo.now, new Date(demo.now.getTime() - sealedPastMs));
  const done = (phase: DemoSeedPhase) => demo.onPhaseDone?.(phase);
  try {
    const summary = await seedDemo(store, demo.calendar, {
      cases: demo.cases,
      now: demo.now,
      onProgress: demo.onProgress,
      stages,
      markPdf: demo.markPdf,
      sealRequest: async (request) => {
        const signing = await signRequestWith(seal, request, []);
        if ('signed' in signing) return signing.signed;
        throw new Error(`the demo seal did not sign: ${signing.failure.kind}.${signing.failure.code}`);
      },
    });
    done('cases');
    // The walk's requests are issued as a desk issues one without a card, sealed: with the same
    // seal, which the signer closes after each request and the seed only at its end.
    const walkSeal: SigningSession = { ...seal, close: async () => undefined };
    const sealed = amendmentRequestSigner({
      seal: async () => walkSeal,
      card: () => null,
      intermediates: [],
    });
    const toSign = await walkStagesBeforeBook(store, demo.calendar, stages.staged, sealed, demo.markPdf);
    done('stagesBeforeBook');
    await seedDemoBook(store, { now: demo.now, include: toSign, markPdf: demo.markPdf });
    done('book');
    await seedSignedArrivals(store, { now: demo.now });
    done('signedArrivals');
    await walkStagesAfterBook(store, demo.calendar, stages.staged, demo.now, demo.markPdf);
    done('stagesAfterBook');
    // Derived once more here, where seeding already takes its time: what the seed leaves to derivation
    // (each open case's nominal end) is stored, and the first start derives nothing again.
    await recomputeDueDates(store.db, demo.calendar, demo.now, { always: true });
    done('dueDates');
    return summary;
  } finally {
    await seal.close();
  }
}

/**
 * The one way to open an office store, for every caller: open it (locking a data folder to this
 * process), bring its schema up to date, and seed the demo city when asked. Closed again if any
 * of it fails.
 */
export async function openOfficeStore(
  location: StoreLocation,
  options: OfficeStoreOptions = {},
): Promise<Store> {
  const store = await openStore(location);
  try {
    const applied = await migrate(store);
    options.onMigrated?.(applied);
    const { demo } = options;
    if (demo && demo.cases > 0) {
      try {
        await seedDemoCity(store, demo);
      } catch (error) {
        if (!(error instanceof StoreNotEmptyError)) throw error;
      }
    }
    return store;
  } catch (error) {
    await store.close();
    throw error;
  }
}
