import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { reaches } from '../../shared/api/audience';
import type { ActorContext, CallContext, Handlers } from '../../shared/api/dispatch';
import { ApiError } from '../../shared/api/errors';
import { callNames } from '../../shared/api/index';
import type { SeatedUser, SessionInfo } from '../../shared/api/session';
import type { LegalCalendar } from '../../shared/domain/calendar';
import type { Desk } from '../compose';
import { EventBus } from '../events';
import { officeOnStore, type Office } from '../office/index';
import { copyDataFolder } from '../office/store/copy-data-folder';
import type { Store, StoreLocation } from '../office/store/open-store';
import { ClassSessions } from '../training/console/class-sessions';
import { noTrainerConsole } from '../training/console/elsewhere';
import { trainerConsole } from '../training/console/trainer-desk';
import { appendCompletion } from '../training/records/completions';
import { loadScenarios } from '../training/scenarios/load';
import type { Coaching } from '../training/session/trainee-desk';
import { openTraineeDesk, reportTrainingFailure, scenarioCatalogue } from '../training/session/wiring';
import { signPdfWithCard } from './card-signed-pdf';
import { pdfMarkByMode, signInByMode, trustFor } from './desk-modes';
import { officeSealFor } from './office-seal';
import { openOfficeStore } from './office-store';
import { openPracticeCardDesk } from './practice-card-desk';
import { TraineeSandboxes, type OpenTraineeSandbox } from './trainee-sandboxes';
import { claimTrainingSandbox } from './training-sandbox';
import { openWorkstationDesk } from './workstation-desk';

export interface TrainingDeskParts {
  /** The training folder (claimed as a sandbox: production data is refused). */
  dataDir: string;
  demoCases: number;
  events: EventBus;
  calendar: LegalCalendar;
  now: () => Date;
  env: NodeJS.ProcessEnv;
  onSeedProgress?: (done: number, total: number) => void;
}

type AnyHandler = (input: unknown, ctx: CallContext) => Promise<unknown>;

/** Signing in and the trainer's console are the class's; everything else is done in the caller's sandbox. */
const isClassCall = (name: string) => name.startsWith('session.') || name.startsWith('trainer.');

/**
 * The class's store seeded with the demo city, and a copy of it as seeded: the start every
 * trainee's sandbox is made from. The copy is taken once, from the closed store.
 */
async function openClassStore(parts: TrainingDeskParts, location: StoreLocation & { kind: 'pglite' }) {
  const template = join(parts.dataDir, 'template');
  const demo = {
    cases: parts.demoCases,
    calendar: parts.calendar,
    now: parts.now(),
    markPdf: pdfMarkByMode.training,
    ...(parts.onSeedProgress ? { onProgress: parts.onSeedProgress } : {}),
  };
  const seeded = await openOfficeStore(location, { demo });
  if (existsSync(template)) return { store: seeded, template };
  await seeded.close();
  copyDataFolder(location.dataDir, template);
  return { store: await openOfficeStore(location), template };
}

/**
 * The training desk (`despacho serve --training`): one class and a sandbox per trainee. People sign
 * in, and trainers keep their class sessions and completion records, on the class's store; every
 * other call goes to the caller's own sandbox — their own copy of the demo city, office, practice
 * card and scenario — so two trainees on one machine never share one. A sandbox's events reach its
 * trainee only; the trainer reads and restarts each trainee's scenario in that trainee's sandbox.
 */
export async function composeTrainingDesk(parts: TrainingDeskParts): Promise<Desk> {
  const { events, calendar, now } = parts;
  // Read first: a scenario file that fails to load leaves nothing open.
  const scenarios = scenarioCatalogue(await loadScenarios());
  const location = { kind: 'pglite', dataDir: claimTrainingSandbox(parts.dataDir) } as const;
  const { store, template } = await openClassStore(parts, location);
  let office: Office;
  try {
    office = await officeOnStore(store, location, {
      mode: 'training',
      signIn: signInByMode.training,
      events,
      calendar,
      now,
    });
  } catch (error) {
    await store.close();
    throw error;
  }
  const trust = trustFor('training', parts.env);
  const sessions = new ClassSessions(store.db);

  const openSandbox: OpenTraineeSandbox = async (dataDir, traineeId) => {
    const owner = await office.actors.resolve(traineeId);
    if (!owner) throw new ApiError('forbidden');
    const sandboxEvents = new EventBus();
    // The sandbox's news is its trainee's alone: another trainee's desk has nothing to do with it.
    const stopForwarding = sandboxEvents.subscribe((name, payload, audience) => {
      if (reaches(audience, owner)) events.emit(name, payload, { kind: 'user', userId: owner.id });
    });
    try {
      const where = { kind: 'pglite', dataDir } as const;
      const sandboxStore: Store = await openOfficeStore(where);
      const workstation = await openWorkstationDesk({
        mode: 'training',
        store: sandboxStore,
        location: where,
        events: sandboxEvents,
        calendar,
        now,
        trust,
        seal: officeSealFor('training', parts.env),
        openCards: () => openPracticeCardDesk({ events: sandboxEvents, now }),
      });
      const trainee = await openTraineeDesk({
        db: sandboxStore.db,
        office: workstation.office,
        calendar,
        events: sandboxEvents,
        now,
        ...(workstation.practiceCard ? { practiceCard: workstation.practiceCard } : {}),
        classOf: (traineeId, scenarioId) => sessions.classOf(traineeId, scenarioId),
        recordCompletion: (completion) => appendCompletion(store.db, completion),
      }).catch(async (error: unknown) => {
        await workstation.close();
        throw error;
      });
      return {
        handlers: trainee.serve({ ...workstation.handlers, ...noTrainerConsole.handlers }),
        coaching: trainee.coaching,
        cards: workstation.cards,
        left: (userId) => trainee.left(userId),
        async close() {
          await trainee.close();
          await workstation.close();
          stopForwarding();
        },
      };
    } catch (error) {
      stopForwarding();
      throw error;
    }
  };
  const sandboxes = new TraineeSandboxes(
    { template, trainees: join(parts.dataDir, 'trainees') },
    openSandbox,
  );

  const coaching: Coaching = {
    scenarios,
    attemptOf: async (traineeId) =>
      (await sandboxes.ifAny(traineeId, (sandbox) => sandbox.coaching.attemptOf(traineeId))) ?? null,
    hint: async (traineeId, text) => {
      const given = await sandboxes.ifAny(traineeId, async (sandbox) => {
        await sandbox.coaching.hint(traineeId, text);
        return true;
      });
      if (!given) throw new ApiError('invalid_transition');
    },
    // The trainer's reset: the trainee's whole sandbox back at the class's start, their scenario staged again.
    restart: async (traineeId) => {
      const found = await coaching.attemptOf(traineeId);
      if (!found) throw new ApiError('invalid_transition');
      await sandboxes.reset(traineeId, (sandbox) =>
        sandbox.coaching.start(traineeId, found.scenario.id, found.attempt.mode),
      );
    },
    start: (traineeId, scenarioId, mode) =>
      sandboxes.with(traineeId, (sandbox) => sandbox.coaching.start(traineeId, scenarioId, mode)),
  };
  const trainer = trainerConsole({
    db: store.db,
    coaching,
    events,
    now,
    // The trainer's practice card is in their own sandbox, like any card they pick on this desk.
    signWithCard: (trainerId, document, key) =>
      sandboxes.with(trainerId, (sandbox) => {
        if (!sandbox.cards) throw new ApiError('desk_only');
        return signPdfWithCard(sandbox.cards, document, key, {
          intermediates: trust.intermediates.map((stored) => new Uint8Array(stored.certificate.raw)),
          now,
        });
      }),
  });

  const inSandbox = (name: string): AnyHandler => {
    return (input, ctx) =>
      sandboxes.with((ctx as ActorContext).actor.id, (sandbox) =>
        (sandbox.handlers as unknown as Record<string, AnyHandler>)[name]!(input, ctx),
      );
  };
  const classHandlers = { ...office.handlers, ...trainer.handlers } as unknown as Record<string, AnyHandler>;
  const leftSandbox = (userId: string) =>
    sandboxes.whenOpen(userId, (sandbox) => sandbox.left(userId)).catch(reportTrainingFailure);
  const handlers = Object.fromEntries(
    callNames.map((name) => [name, isClassCall(name) ? classHandlers[name]! : inSandbox(name)]),
  ) as Record<string, AnyHandler>;
  // The picker and the header name the person a class put on each seat: trainees find and see themselves by name.
  const seated = (user: SeatedUser, people: Map<string, string>): SeatedUser => {
    const personName = people.get(user.id);
    return personName === undefined ? user : { ...user, personName };
  };
  handlers['session.demoUsers'] = async (input, ctx) => {
    const users = (await classHandlers['session.demoUsers']!(input, ctx)) as SeatedUser[];
    const people = await sessions.peopleOnSeats();
    return users.map((user) => seated(user, people));
  };
  for (const name of ['session.signIn', 'session.current'])
    handlers[name] = async (input, ctx) => {
      const info = (await classHandlers[name]!(input, ctx)) as SessionInfo | null;
      return info && { ...info, user: seated(info.user, await sessions.peopleOnSeats()) };
    };
  // Signing out is the class's, and the trainee's clock in their sandbox stops with it.
  handlers['session.signOut'] = async (input, ctx) => {
    const output = await classHandlers['session.signOut']!(input, ctx);
    await leftSandbox((ctx as ActorContext).actor.id);
    return output;
  };

  return {
    handlers: handlers as unknown as Handlers,
    actors: office.actors,
    events,
    left: leftSandbox,
    async close() {
      trainer.close();
      await sandboxes.close();
      await office.close();
    },
  };
}
