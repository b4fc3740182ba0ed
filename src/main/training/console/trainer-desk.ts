import type { Kysely } from 'kysely';
import type { Handlers } from '../../../shared/api/dispatch';
import { ApiError } from '../../../shared/api/errors';
import type { Locale } from '../../../shared/api/session';
import type { CardKeyInput, SigningFailure } from '../../../shared/api/signing';
import type { TraineeCandidate, TrainerCallName } from '../../../shared/api/trainer';
import { translate } from '../../../shared/i18n/index';
import type { EventBus } from '../../events';
import type { OfficeSchema } from '../../office/store/schema';
import type { Coaching } from '../session/trainee-desk';
import { reportTrainingFailure } from '../session/wiring';
import { traineeCertificate } from '../records/certificate-pdf';
import { completionCounts, completionRecords, personOnSeat } from '../records/completions';
import { completionRecordsCsv } from '../records/records-csv';
import { ClassSessions } from './class-sessions';
import { classTrainee, notStarted } from './class-view';

export interface TrainerConsoleOptions {
  db: Kysely<OfficeSchema>;
  coaching: Coaching;
  events: EventBus;
  now: () => Date;
  /**
   * Signs a certificate with the trainer's own card at this desk (the composition's): the signed
   * bytes, or why the card did not sign.
   */
  signWithCard: (
    trainerId: string,
    document: { pdf: Uint8Array; name: string; reason: string; signerNif: string },
    key: CardKeyInput,
  ) => Promise<{ signed: Uint8Array } | { failure: SigningFailure }>;
  /** A failure telling the trainers (never a failure of a call); stderr by default. */
  onError?: (error: unknown) => void;
}

/** The saved file's name: the records' kind and whose, in letters a file system keeps. */
const fileName = (locale: Locale, kind: 'records' | 'certificate', whose: string, extension: string) =>
  `${translate(locale, kind === 'records' ? 'trainer.records.fileName' : 'trainer.certificate.fileName')}-${whose.replace(/[^A-Za-z0-9_-]+/g, '-')}.${extension}`;

/** A person's name in the letters of a file name: "Begoña Peñalver" → "Begona Penalver". */
const unaccented = (name: string) => name.normalize('NFD').replace(/\p{M}/gu, '');

const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

/** What a desk serves for the trainer's calls, and how it stops relaying the class's changes. */
export interface TrainerConsole {
  readonly handlers: Pick<Handlers, TrainerCallName>;
  close(): void;
}

const unknown = (field: string, reason: string, id: string) =>
  new ApiError('invalid_input', { field, reason, id });

/**
 * The trainer's side of a training desk: class sessions in the sandbox, the class read from the
 * trainees' attempts, and the trainer's hint and restart done through the trainees' own desk (so
 * they take their turn with what the trainee is doing). Every move of a trainee's progress is
 * told to the desk's trainers as `trainer.classChanged`.
 */
export function trainerConsole(options: TrainerConsoleOptions): TrainerConsole {
  const sessions = new ClassSessions(options.db);
  const users = () =>
    options.db.selectFrom('users').select(['id', 'name', 'roles']).where('active', '=', true).execute();
  /** Who may be in a class: the active users who are not trainers, with their department, by name. */
  const candidates = async (): Promise<TraineeCandidate[]> => {
    const rows = await options.db
      .selectFrom('users')
      .innerJoin('departments', 'departments.id', 'users.department_id')
      .select([
        'users.id',
        'users.name',
        'users.roles',
        'users.department_id',
        'departments.name as department',
      ])
      .where('users.active', '=', true)
      .orderBy('users.name')
      .orderBy('users.id')
      .execute();
    return rows
      .filter((row) => !row.roles.includes('trainer'))
      .map((row) => ({
        id: row.id,
        name: row.name,
        departmentId: row.department_id,
        departmentName: row.department,
      }));
  };

  const handlers: Pick<Handlers, TrainerCallName> = {
    'trainer.sessions.create': async ({ name, scenarioIds, traineeIds, participants = {} }, { actor }) => {
      const strange = scenarioIds.find((id) => !options.coaching.scenarios.get(id));
      if (strange !== undefined) throw unknown('scenarioIds', 'unknown_scenario', strange);
      const known = new Set((await candidates()).map((candidate) => candidate.id));
      const stranger = traineeIds.find((id) => !known.has(id));
      if (stranger !== undefined) throw unknown('traineeIds', 'unknown_trainee', stranger);
      const seatless = Object.keys(participants).find((id) => !traineeIds.includes(id));
      if (seatless !== undefined) throw unknown('participants', 'unknown_trainee', seatless);
      return sessions.create({
        name,
        scenarioIds: [...new Set(scenarioIds)],
        traineeIds: [...new Set(traineeIds)],
        participants,
        createdBy: actor.id,
        createdAt: options.now(),
      });
    },
    'trainer.trainees': () => candidates(),
    'trainer.sessions.list': () => sessions.list(),
    'trainer.class': async ({ sessionId }) => {
      const session = await sessions.get(sessionId);
      if (!session) throw new ApiError('not_found');
      const names = new Map((await users()).map((user) => [user.id, user.name]));
      const counts = await completionCounts(options.db, session);
      const none = { completed: 0, passed: 0, recorded: 0 };
      const of = session.scenarioIds.length;
      const now = options.now();
      const trainees = await Promise.all(
        session.traineeIds.map(async (traineeId) => {
          const name = names.get(traineeId) ?? traineeId;
          const found = await options.coaching.attemptOf(traineeId);
          const row = found
            ? classTrainee(name, found.attempt, found.scenario, now)
            : notStarted(traineeId, name);
          return {
            ...row,
            personName: personOnSeat(session, traineeId),
            completions: { ...(counts.get(traineeId) ?? none), of },
          };
        }),
      );
      return { session, trainees };
    },
    'trainer.hint': async ({ traineeId, text }) => {
      await options.coaching.hint(traineeId, text);
      return { ok: true as const };
    },
    'trainer.reset': async ({ traineeId }) => {
      await options.coaching.restart(traineeId);
      return { ok: true as const };
    },
    'trainer.records.csv': async ({ sessionId, locale }) => {
      const session = await sessions.get(sessionId);
      if (!session) throw new ApiError('not_found');
      const records = await completionRecords(options.db, { seatsOf: session });
      return {
        fileName: fileName(locale, 'records', session.name, 'csv'),
        base64: base64(completionRecordsCsv(records, locale)),
      };
    },
    'trainer.records.certificate': async ({ traineeId, sessionId, locale, card }, { actor }) => {
      const session = sessionId === undefined ? null : await sessions.get(sessionId);
      if (sessionId !== undefined && !session) throw new ApiError('not_found');
      const personName = session ? personOnSeat(session, traineeId) : null;
      const certificate = await traineeCertificate(
        options.db,
        { traineeId, personName },
        {
          locale,
          titleOf: (id) => options.coaching.scenarios.get(id)?.title[locale] ?? id,
          at: options.now(),
        },
      );
      if (!certificate) throw new ApiError('training_no_completions');
      const signer = await options.db
        .selectFrom('users')
        .select('nif')
        .where('id', '=', actor.id)
        .executeTakeFirst();
      if (!signer?.nif) throw new ApiError('signature_signer_without_nif');
      const name = fileName(
        locale,
        'certificate',
        personName === null ? traineeId : unaccented(personName),
        'pdf',
      );
      const outcome = await options.signWithCard(
        actor.id,
        {
          pdf: certificate.bytes,
          name,
          reason: translate(locale, 'trainingRecords.pdf.reason', { name: certificate.trainee.name }),
          signerNif: signer.nif,
        },
        card,
      );
      return 'failure' in outcome ? outcome : { fileName: name, base64: base64(outcome.signed) };
    },
  };

  // The trainee's progress is told to the trainee alone; the trainers hear that it moved.
  const close = options.events.subscribe((name, _payload, audience) => {
    if (name !== 'training.progressed' || audience.kind !== 'user') return;
    const traineeId = audience.userId;
    void users()
      .then((all) => {
        for (const user of all.filter((candidate) => candidate.roles.includes('trainer')))
          options.events.emit('trainer.classChanged', { traineeId }, { kind: 'user', userId: user.id });
      })
      .catch(options.onError ?? reportTrainingFailure);
  });
  return { handlers, close };
}
