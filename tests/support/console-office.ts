import type { Desk } from '../../src/main/compose';
import { openOfficeStore } from '../../src/main/compose/office-store';
import type { EventBus } from '../../src/main/events';
import { officeOnStore, type Office, type StoreLocation } from '../../src/main/office/index';
import type { LegalCalendar } from '../../src/shared/domain/calendar';
import { ClassSessions } from '../../src/main/training/console/class-sessions';
import { trainerConsole } from '../../src/main/training/console/trainer-desk';
import { openTraineeDesk } from '../../src/main/training/session/wiring';
import type { Handlers } from '../../src/shared/api/dispatch';

/**
 * A training office over a demo city of 200 cases at `where`, with the trainee's desk and the
 * trainer's console wired over it as compose wires a training desk (finished scenarios recorded with
 * the trainee's class session and trainer; its cards aside: the console
 * signs nothing here, certificates are tested on a whole training desk in trainer-certificate.test.ts).
 */
export async function openConsoleOffice(options: {
  where: StoreLocation;
  calendar: LegalCalendar;
  events: EventBus;
  /** When the demo city was seeded. */
  seededAt: Date;
  now: () => Date;
}) {
  const { where, calendar, events, now } = options;
  const store = await openOfficeStore(where, { demo: { cases: 200, calendar, now: options.seededAt } });
  const office: Office = await officeOnStore(store, where, {
    mode: 'training',
    signIn: 'demoPicker',
    events,
    calendar,
    now,
  });
  const sessions = new ClassSessions(store.db);
  const trainee = await openTraineeDesk({
    db: store.db,
    office,
    calendar,
    events,
    now,
    classOf: (traineeId, scenarioId) => sessions.classOf(traineeId, scenarioId),
  });
  const trainer = trainerConsole({
    db: store.db,
    coaching: trainee.coaching,
    events,
    now,
    signWithCard: () => Promise.reject(new Error('this console signs nothing')),
  });
  const served = { ...office.handlers, ...trainer.handlers } as unknown as Omit<Handlers, 'training.start'>;
  const desk: Pick<Desk, 'handlers' | 'actors'> = { handlers: trainee.serve(served), actors: office.actors };
  return {
    store,
    office,
    trainee,
    desk,
    /** The trainee desk's goodbyes are written before the store closes. */
    async close() {
      trainer.close();
      await trainee.close();
      await office.close();
    },
  };
}
