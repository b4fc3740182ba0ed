import { z } from 'zod';
import { access } from './access';
import { call, event } from './define';
import { localeSchema } from './session';
import { cardKeySchema } from './signing';
import { signingFailureSchema } from './signing-failure';
import { plainText } from './text';
import { localizedTextSchema, trainingModeSchema } from './training';

/**
 * The trainer's console on a training desk: class sessions (which scenarios, which trainees), the
 * class's progress as it happens, a hint of the trainer's own and starting a trainee's scenario
 * again. Trainers only; every other desk than a training desk answers `not_found`.
 */

const isoInstant = z.string().datetime({ offset: true });
const count = z.number().int().nonnegative();
const id = plainText({ min: 1, max: 80 });
const personName = plainText({ min: 1, max: 120, trim: true });

export const classSessionSchema = z.object({
  id: z.string(),
  name: z.string(),
  scenarioIds: z.array(z.string()),
  traineeIds: z.array(z.string()),
  /** The person on each seat the trainer named (seat's user id → the person's name); a seat left out names nobody. */
  participants: z.record(z.string(), z.string()),
  createdBy: z.string(),
  createdAt: isoInstant,
});
export type ClassSession = z.infer<typeof classSessionSchema>;

/** Where one trainee is: null fields before they start a scenario. */
export const classTraineeSchema = z.object({
  traineeId: z.string(),
  /** The seat: the demo city's member of staff the trainee works as. */
  name: z.string(),
  /** The person on the seat in this session, when the trainer named them. */
  personName: z.string().nullable(),
  scenario: z.object({ id: z.string(), version: count, title: localizedTextSchema }).nullable(),
  mode: trainingModeSchema.nullable(),
  /** The step to do now; null before starting and once finished. */
  step: z
    .object({
      index: count,
      of: count,
      instructionId: z.string(),
      instruction: localizedTextSchema,
      /** Time on the step when the view was read, counting only the time the trainee was there. */
      elapsedMs: count,
      /** The trainee is away (signed out, the app closed): the time on the step stands still. */
      away: z.boolean(),
    })
    .nullable(),
  hintsUsed: count,
  mistakes: z.object({ count, lastFeedback: localizedTextSchema.nullable() }),
  finishedAt: isoInstant.nullable(),
  score: z.object({ right: count, of: count, passMark: count, passed: z.boolean() }).nullable(),
  /**
   * The session's scenarios (`of` of them) the trainee finished in this session, each counted once,
   * and how many of those they passed at least once in it; `recorded` is every completion record of
   * theirs, from any session (what the CSV lists and their certificate certifies): none, nothing to certify.
   */
  completions: z.object({ completed: count, passed: count, of: count, recorded: count }),
});
export type ClassTrainee = z.infer<typeof classTraineeSchema>;

export const classViewSchema = z.object({
  session: classSessionSchema,
  trainees: z.array(classTraineeSchema),
});
export type ClassView = z.infer<typeof classViewSchema>;

/** Someone a trainer may put in a class: an active user of the sandbox who is not a trainer. */
export const traineeCandidateSchema = z.object({
  id: z.string(),
  name: z.string(),
  departmentId: z.string(),
  /** As the office keeps it (in Spanish); the renderer names it in the user's language. */
  departmentName: z.string(),
});
export type TraineeCandidate = z.infer<typeof traineeCandidateSchema>;

/** A file the console hands the browser to save: the class's records, a trainee's certificate. */
export const trainerFileSchema = z.object({
  fileName: z.string().regex(/^[A-Za-z0-9_-]+\.(csv|pdf)$/),
  base64: z.string(),
});
export type TrainerFile = z.infer<typeof trainerFileSchema>;

/** The certificate, or why the trainer's card did not sign it (a wrong PIN…): nothing was made. */
export const signedCertificateSchema = z.union([
  trainerFileSchema,
  z.object({ failure: signingFailureSchema }).strict(),
]);
export type SignedCertificate = z.infer<typeof signedCertificateSchema>;

const trainer = access.roles('trainer');
const ok = z.object({ ok: z.literal(true) });

export const trainerCalls = {
  /**
   * `invalid_input` (reason `unknown_scenario` / `unknown_trainee`) for ids the desk does not have,
   * or a person named on a seat that is not one of the session's trainees.
   */
  'trainer.sessions.create': call(
    z
      .object({
        name: plainText({ min: 1, max: 120, trim: true }),
        scenarioIds: z.array(id).min(1).max(50),
        traineeIds: z.array(id).min(1).max(100),
        participants: z.record(id, personName).optional(),
      })
      .strict(),
    classSessionSchema,
    trainer,
  ),
  /** Who may be a trainee: the sandbox's active users who are not trainers, by name. */
  'trainer.trainees': call(z.object({}).strict(), z.array(traineeCandidateSchema), trainer),
  /** The desk's class sessions, newest first. */
  'trainer.sessions.list': call(z.object({}).strict(), z.array(classSessionSchema), trainer),
  'trainer.class': call(z.object({ sessionId: id }).strict(), classViewSchema, trainer),
  /** Shown in the trainee's walkthrough at once and counted as a hint; `invalid_transition` with no step to do. */
  'trainer.hint': call(
    z.object({ traineeId: id, text: plainText({ min: 1, max: 500, trim: true }) }).strict(),
    ok,
    trainer,
  ),
  /** The trainee's scenario from its start again: fixtures staged anew, same mode, step 1. */
  'trainer.reset': call(z.object({ traineeId: id }).strict(), ok, trainer),
  /**
   * The completion records of the people on the session's seats (each seat's records that name the
   * person the session names there, or that name nobody when it names nobody), from any session,
   * as the command line's CSV, in `locale`.
   */
  'trainer.records.csv': call(
    z.object({ sessionId: id, locale: localeSchema }).strict(),
    trainerFileSchema,
    trainer,
  ),
  /**
   * The certificate of the person on the seat in the session: every scenario they completed on it,
   * in this session or another, signed with the trainer's card at this desk (on a training desk,
   * the trainer's practice card); `training_no_completions` when there is nothing to certify.
   */
  'trainer.records.certificate': call(
    z
      .object({
        traineeId: id,
        /** Whose: the person this session names on the seat; without it, or none named, the seat's records that name nobody. */
        sessionId: id.optional(),
        locale: localeSchema,
        card: cardKeySchema,
      })
      .strict(),
    signedCertificateSchema,
    trainer,
  ),
} as const;

export type TrainerCallName = keyof typeof trainerCalls;

export const trainerEvents = {
  /** A trainee's progress moved (started, a step, a mistake, a hint, finished, left, reset). Its audience is the desk's trainers. */
  'trainer.classChanged': event(z.object({ traineeId: z.string() })),
} as const;
