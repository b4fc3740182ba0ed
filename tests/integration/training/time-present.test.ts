import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Desk } from '../../../src/main/compose';
import { openOfficeStore } from '../../../src/main/compose/office-store';
import { openPracticeCardDesk } from '../../../src/main/compose/practice-card-desk';
import { EventBus } from '../../../src/main/events';
import { loadCalendar } from '../../../src/main/office/calendar/load';
import { officeOnStore, type Office } from '../../../src/main/office/index';
import type { Store } from '../../../src/main/office/store/open-store';
import { openTraineeDesk, type TraineeDeskOpened } from '../../../src/main/training/session/wiring';
import type { Handlers } from '../../../src/shared/api/dispatch';
import { deskConnection } from '../../support/desk-connection';
import { rejectionOf } from '../../support/rejection';
import { storeEngines } from '../../support/store-engines';

/**
 * The trainee's clock counts only the time they are there: closing the desk (the app) or signing
 * out stops it, any call of theirs starts it again, and a trainer's restart while they are away
 * waits for them; a desk that stopped without closing counts them away from the last instant they
 * were seen. The practice card a scenario pulls out stays out until the trainee puts it back.
 * On a real sandbox store, with an injected clock (no waiting).
 */

const calendar = loadCalendar();
const scratch = mkdtempSync(join(tmpdir(), 'despacho-time-present-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe.each(storeEngines(scratch, 'time_present'))('time on a scenario on %s', (_engine, location) => {
  let clock = new Date('2026-12-07T09:00:00Z');
  const now = () => clock;
  const later = (ms: number) => (clock = new Date(clock.getTime() + ms));
  const events = new EventBus();
  let store: Store;
  let office: Office;
  let cards: Awaited<ReturnType<typeof openPracticeCardDesk>>;
  let trainee: TraineeDeskOpened;
  /** A desk left open as a crashed app leaves it: closed only when the test file ends. */
  let crashed: TraineeDeskOpened | undefined;
  let desk: Pick<Desk, 'handlers' | 'actors'>;
  const as = (userId: string) => deskConnection(() => desk as Desk, userId);

  /** The training desk opened again on the same sandbox, as when the app is started again. */
  async function openDesk(): Promise<void> {
    trainee = await openTraineeDesk({
      db: store.db,
      office,
      calendar,
      events,
      now,
      practiceCard: cards.card,
    });
    const served = { ...office.handlers, ...cards.handlers } as unknown as Omit<Handlers, 'training.start'>;
    desk = { handlers: trainee.serve(served), actors: office.actors };
  }

  beforeAll(async () => {
    const where = await location();
    store = await openOfficeStore(where, { demo: { cases: 200, calendar, now: clock } });
    office = await officeOnStore(store, where, {
      mode: 'training',
      signIn: 'demoPicker',
      events,
      calendar,
      now,
    });
    cards = await openPracticeCardDesk({ events, now });
    await openDesk();
  });
  afterAll(async () => {
    await trainee?.close();
    await crashed?.close();
    await cards?.close();
    await office?.close();
  });

  it('leaves out the time the desk was closed, on the step and on the scenario', async () => {
    const urb02 = as('urb-02');
    const started = await urb02('training.start', { scenarioId: 'claim-and-review', mode: 'guided' });
    expect(started.presentMs).toBe(0);
    later(20_000);
    await trainee.close();
    later(3_600_000);
    await openDesk();
    later(2_000);
    // The first call after the desk opens again is the trainee back: the hour away is not counted.
    const back = (await as('urb-02')('training.progress', {}))!;
    expect(back.step).toMatchObject({ index: 0, elapsedMs: 20_000 });
    expect(back.presentMs).toBe(20_000);
    later(10_000);
    await as('urb-02')('cases.claim', { caseId: started.step!.reveal.row! });
    const next = (await as('urb-02')('training.progress', {}))!;
    expect(next.step).toMatchObject({ index: 1, elapsedMs: 0 });
    expect(next.presentMs).toBe(30_000);
  });

  it('leaves out the time the trainee was signed out, and starts again at their next call', async () => {
    const urb02 = as('urb-02');
    later(5_000);
    await urb02('session.signOut', {});
    later(600_000);
    // Nothing the trainee did meanwhile: a colleague's call does not bring them back.
    await as('urb-03')('cases.list', { queue: 'mine', limit: 5 });
    later(1_000);
    const again = as('urb-02');
    const back = (await again('training.progress', {}))!;
    expect(back.step).toMatchObject({ index: 1, elapsedMs: 5_000 });
    expect(back.presentMs).toBe(35_000);
    later(4_000);
    expect((await again('training.progress', {}))!.step).toMatchObject({ elapsedMs: 9_000 });
  });

  it('leaves out the time after the trainee closed their last page, until their next call', async () => {
    const urb02 = as('urb-02');
    const before = (await urb02('training.progress', {}))!.step!.elapsedMs;
    later(3_000);
    // The host saw the trainee's last events socket close (a browser page shut without signing out).
    await trainee.left('urb-02');
    later(1_800_000);
    const back = (await urb02('training.progress', {}))!;
    expect(back.step).toMatchObject({ index: 1, elapsedMs: before + 3_000 });
  });

  it("starts a trainer's restart with the clock stopped while the trainee is away", async () => {
    await trainee.close();
    await openDesk();
    await trainee.coaching.restart('urb-02');
    later(900_000);
    const restarted = (await as('urb-02')('training.progress', {}))!;
    expect(restarted.step).toMatchObject({ index: 0, elapsedMs: 0 });
    expect(restarted.presentMs).toBe(0);
  });

  it('counts the trainee away from the last instant they were seen when the desk stopped without closing (a crash)', async () => {
    const urb02 = as('urb-02');
    const before = (await urb02('training.progress', {}))!.presentMs;
    later(45_000);
    await urb02('training.progress', {});
    later(30_000);
    // Seen again a minute or more after it was last kept: kept now, 75 s on.
    await urb02('training.progress', {});
    later(20_000);
    // The app stops without closing the desk (a crash): nothing paused the attempt. It is started an hour later.
    crashed = trainee;
    later(3_600_000);
    await openDesk();
    later(1_000);
    const back = (await as('urb-02')('training.progress', {}))!;
    // The hour the desk was down is not counted; neither are the 20 s after the trainee was last kept as seen.
    expect(back.presentMs).toBe(before + 75_000);
    later(5_000);
    expect((await as('urb-02')('training.progress', {}))!.presentMs).toBe(before + 80_000);
  });

  it('keeps the practice card out of the reader until the trainee puts it back', async () => {
    const head = as('urb-jefatura');
    expect((await head('tokens.list', {})).cards).toHaveLength(1);
    cards.card.remove();
    expect((await head('tokens.list', {})).cards).toEqual([]);
    // Looking again does not bring it back: there is no reader to put it in but the trainee's control.
    expect((await head('tokens.list', {})).cards).toEqual([]);
    const told: string[] = [];
    const stop = events.subscribe((name) => told.push(name));
    try {
      expect(await head('training.card.insert', {})).toEqual({ ok: true });
    } finally {
      stop();
    }
    expect(told).toContain('tokens.changed');
    const listing = await head('tokens.list', {});
    expect(listing.cards).toHaveLength(1);
    expect(listing.cards[0]).toMatchObject({ module: 'practice-card', pin: 'ready' });
  });

  it('answers not_found to putting a card back on a training desk without a practice card', async () => {
    const cardless = await openTraineeDesk({ db: store.db, office, calendar, events, now });
    try {
      const bare = { handlers: cardless.serve(office.handlers as never), actors: office.actors } as Desk;
      expect(
        await rejectionOf(deskConnection(() => bare, 'urb-02')('training.card.insert', {})),
      ).toMatchObject({
        code: 'not_found',
      });
      expect(await rejectionOf(deskConnection(() => bare, null)('training.card.insert', {}))).toMatchObject({
        code: 'not_signed_in',
      });
    } finally {
      await cardless.close();
    }
  });
});
