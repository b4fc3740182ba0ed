import type { Kysely } from 'kysely';
import type { Handlers } from '../../../shared/api/dispatch';
import { ApiError } from '../../../shared/api/errors';
import type { EventPayload } from '../../../shared/api/index';
import type { TrainingCallName, TrainingProgress } from '../../../shared/api/training';
import type { Scenario } from '../../../shared/training/scenario';
import { deskAudience } from '../../../shared/api/signing';
import type { EventBus } from '../../events';
import type { OfficeSchema } from '../../office/store/schema';
import {
  appendCompletion,
  completionOf,
  noClass,
  type ClassOf,
  type Completion,
} from '../records/completions';
import { Attempts } from './attempts';
import type { DomainEvent, ResolveReveal, RunOutcomeCheck, ScenarioCatalogue, StageScenario } from './ports';
import {
  askHint,
  giveTrainerHint,
  pause,
  progressView,
  recordMistake,
  recordOutcome,
  pausedAfterStop,
  resume,
  seen,
  startAttempt,
  type Attempt,
} from './progress';

export interface TraineeDeskOptions {
  db: Kysely<OfficeSchema>;
  scenarios: ScenarioCatalogue;
  stage: StageScenario;
  check: RunOutcomeCheck;
  resolveReveal: ResolveReveal;
  events: EventBus;
  now: () => Date;
  /** The class session the trainee is in and its trainer, for the completion record; none by default. */
  classOf?: ClassOf;
  /**
   * Where a finished scenario's record is kept: this store by default; the class's store where each
   * trainee works in a sandbox of their own (a sandbox reset to its start keeps its trainee's records).
   */
  recordCompletion?: (completion: Completion) => Promise<void>;
  /** The desk's practice card, which the trainee puts back in the reader after a scenario pulled it out. */
  practiceCard?: { insert(): void };
}

/** What the trainer's console does with trainees' attempts, in turn with the trainees' own changes. */
export interface Coaching {
  readonly scenarios: ScenarioCatalogue;
  /** The trainee's attempt and its scenario; null when none, or when that version is no longer shipped. */
  attemptOf(traineeId: string): Promise<{ attempt: Attempt; scenario: Scenario } | null>;
  /** The trainer's hint on the trainee's step; `invalid_transition` with no step to do. */
  hint(traineeId: string, text: string): Promise<void>;
  /** The trainee's scenario from its start again, in the same mode; `invalid_transition` with none. */
  restart(traineeId: string): Promise<void>;
  /** The scenario from its start for the trainee (on a sandbox put back at its start); `not_found` for an unknown one. */
  start(traineeId: string, scenarioId: string, mode: Attempt['mode']): Promise<void>;
}

export interface TraineeDesk {
  readonly handlers: Pick<Handlers, TrainingCallName>;
  readonly coaching: Coaching;
  /**
   * Something a trainee did. When it is one of their step's known mistakes, the mistake is counted;
   * when it is the step's completion event, the outcome check decides whether the step is done.
   */
  observe(event: DomainEvent): Promise<void>;
  /** The trainees with a scenario under way. */
  trainees(): Promise<readonly string[]>;
  /** The trainee is here (they called the desk): an attempt paused while they were away runs again. */
  here(traineeId: string): Promise<void>;
  /** The trainee went away (signed out): their attempt's clock stands still until they are back. */
  away(traineeId: string): Promise<void>;
  /** The desk closes (the app is closed): every trainee here goes away. */
  close(): Promise<void>;
  /**
   * The desk opens: attempts a desk left running when it stopped without closing (a crash) are
   * paused from the last instant their trainees were seen, so the time it was down is not theirs.
   */
  recover(): Promise<void>;
}

/** How often the instant a trainee is seen at the desk is kept: what a crash can add to their time at most. */
const seenEveryMs = 60_000;

type ProgressKind = EventPayload<'training.progressed'>['kind'];

/**
 * The trainee's side of a training desk: scenarios, progress and hints over the sandbox's store.
 * A step completes on its domain event and a passing outcome check, never on a click. Changes to
 * attempts run one at a time, so an event and a hint never overwrite each other's record. The
 * clock of an attempt counts only the time its trainee is here: it stops when they sign out or
 * the desk closes, and runs again at their next call.
 */
export function traineeDesk(options: TraineeDeskOptions): TraineeDesk {
  const attempts = new Attempts(options.db);
  /** The trainees who called this desk since it opened, or since they went away. */
  const here = new Set<string>();
  let queue: Promise<unknown> = Promise.resolve();
  const serially = <T>(work: () => Promise<T>): Promise<T> => {
    const done = queue.then(work);
    queue = done.catch(() => undefined);
    return done;
  };

  /** The trainee's attempt and its scenario; null when none, or when that version of it is no longer shipped. */
  const current = async (traineeId: string): Promise<{ attempt: Attempt; scenario: Scenario } | null> => {
    const attempt = await attempts.of(traineeId);
    const scenario = attempt ? options.scenarios.get(attempt.scenarioId) : undefined;
    if (!attempt || !scenario || scenario.version !== attempt.scenarioVersion) return null;
    return { attempt, scenario };
  };

  const tell = (traineeId: string, kind: ProgressKind, step: number) =>
    options.events.emit('training.progressed', { kind, step }, { kind: 'user', userId: traineeId });

  const view = async (attempt: Attempt, scenario: Scenario): Promise<TrainingProgress> => {
    const step = attempt.finishedAt === null ? scenario.steps[attempt.stepIndex] : undefined;
    const reveal = step ? await options.resolveReveal(step.reveal, attempt.cases) : null;
    return progressView(attempt, scenario, reveal, options.now());
  };

  /**
   * The scenario staged afresh for the trainee and their attempt at step 1, its clock stopped when
   * they are not here (a trainer's restart); the caller runs it serially.
   */
  const begin = async (scenario: Scenario, traineeId: string, mode: Attempt['mode']): Promise<Attempt> => {
    const cases = await options.stage(scenario, traineeId);
    const started = startAttempt(scenario, { traineeId, mode, cases, now: options.now() });
    const attempt = here.has(traineeId) ? started : pause(started, options.now());
    await attempts.save(attempt);
    tell(traineeId, 'started', 0);
    return attempt;
  };

  const handlers: Pick<Handlers, TrainingCallName> = {
    'training.scenarios': async () =>
      options.scenarios.list().map((scenario) => ({
        id: scenario.id,
        version: scenario.version,
        title: scenario.title,
        description: scenario.description,
        steps: scenario.steps.length,
        trainee: scenario.fixtures.trainee,
        passMark: scenario.assessment.passMark,
      })),
    'training.start': ({ scenarioId, mode }, { actor }) =>
      serially(async () => {
        const scenario = options.scenarios.get(scenarioId);
        if (!scenario) throw new ApiError('not_found');
        // The scenario's cases and setup are its trainee's: anyone else would be scored on someone else's work.
        if (scenario.fixtures.trainee !== actor.id) throw new ApiError('forbidden');
        // Whoever starts a scenario is here: its clock runs from now.
        here.add(actor.id);
        return view(await begin(scenario, actor.id, mode), scenario);
      }),
    'training.progress': async (_input, { actor }) => {
      const found = await current(actor.id);
      return found ? view(found.attempt, found.scenario) : null;
    },
    'training.hint': (_input, { actor }) =>
      serially(async () => {
        const found = await current(actor.id);
        if (!found) throw new ApiError('invalid_transition');
        const attempt = askHint(found.attempt);
        await attempts.save(attempt);
        tell(actor.id, 'hint', attempt.stepIndex);
        return view(attempt, found.scenario);
      }),
    'training.leave': (_input, { actor }) =>
      serially(async () => {
        await attempts.remove(actor.id);
        tell(actor.id, 'left', 0);
        return { ok: true as const };
      }),
    'training.card.insert': async () => {
      if (!options.practiceCard) throw new ApiError('not_found');
      options.practiceCard.insert();
      options.events.emit('tokens.changed', {}, deskAudience);
      return { ok: true as const };
    },
  };

  /** The trainee's attempt with its clock stopped or running again, kept and told when it changed. */
  const presence = (traineeId: string, change: typeof pause, kind: ProgressKind) =>
    serially(async () => {
      const found = await attempts.of(traineeId);
      if (!found) return;
      const changed = change(found, options.now());
      if (changed === found) return;
      await attempts.save(changed);
      tell(traineeId, kind, changed.stepIndex);
    });

  /** When each trainee's being here was last kept (ms), so that a call keeps it at most every minute. */
  const seenKept = new Map<string, number>();
  const keepSeen = async (traineeId: string) => {
    const at = options.now();
    const last = seenKept.get(traineeId);
    if (last !== undefined && at.getTime() - last < seenEveryMs) return;
    seenKept.set(traineeId, at.getTime());
    await serially(async () => {
      const found = await attempts.of(traineeId);
      const changed = found && seen(found, at);
      if (changed && changed !== found) await attempts.save(changed);
    });
  };

  const classOf = options.classOf ?? noClass;
  const recordCompletion =
    options.recordCompletion ?? ((completion) => appendCompletion(options.db, completion));
  /**
   * The record first, then the attempt's end: the record may live in another store, and recording
   * an attempt twice keeps one record, so a failure between the two is made good by the next event.
   */
  const finish = async (attempt: Attempt, scenario: Scenario) => {
    await recordCompletion(completionOf(attempt, scenario, await classOf(attempt.traineeId, scenario.id)));
    await attempts.save(attempt);
  };

  const observe = async (event: DomainEvent) => {
    const found = await current(event.traineeId);
    if (!found || found.attempt.finishedAt !== null) return;
    let { attempt } = found;
    const step = found.scenario.steps[attempt.stepIndex];
    if (!step) return;
    const context = { traineeId: event.traineeId, cases: attempt.cases, event };
    let kind: ProgressKind | null = null;
    for (const mistake of step.mistakes.filter((known) => known.event === event.name)) {
      const verdict = await options.check(mistake.check, context);
      if (verdict.ok === (mistake.when === 'passes')) {
        attempt = recordMistake(attempt, mistake.id, options.now());
        kind = 'mistake';
      }
    }
    if (step.completion.event === event.name) {
      const verdict = await options.check(step.completion.check, context);
      const outcome = recordOutcome(attempt, found.scenario.steps.length, verdict, options.now());
      attempt = outcome.attempt;
      if (outcome.effect === 'completed' || outcome.effect === 'finished') kind = outcome.effect;
      else if (outcome.effect === 'missed') kind = 'mistake';
    }
    if (kind === null) return;
    if (kind === 'finished') await finish(attempt, found.scenario);
    else await attempts.save(attempt);
    tell(event.traineeId, kind, found.attempt.stepIndex);
  };

  const coaching: Coaching = {
    scenarios: options.scenarios,
    attemptOf: current,
    hint: (traineeId, text) =>
      serially(async () => {
        const found = await current(traineeId);
        if (!found) throw new ApiError('invalid_transition');
        const attempt = giveTrainerHint(found.attempt, text);
        await attempts.save(attempt);
        tell(traineeId, 'hint', attempt.stepIndex);
      }),
    restart: (traineeId) =>
      serially(async () => {
        const found = await current(traineeId);
        if (!found) throw new ApiError('invalid_transition');
        await begin(found.scenario, traineeId, found.attempt.mode);
      }),
    start: (traineeId, scenarioId, mode) =>
      serially(async () => {
        const scenario = options.scenarios.get(scenarioId);
        if (!scenario) throw new ApiError('not_found');
        await begin(scenario, traineeId, mode);
      }),
  };

  return {
    handlers,
    coaching,
    observe: (event) => serially(() => observe(event)),
    trainees: () => attempts.underWay(),
    here: async (traineeId) => {
      if (!here.has(traineeId)) {
        here.add(traineeId);
        await presence(traineeId, resume, 'back');
      }
      await keepSeen(traineeId);
    },
    away: async (traineeId) => {
      here.delete(traineeId);
      seenKept.delete(traineeId);
      await presence(traineeId, pause, 'away');
    },
    recover: () =>
      serially(async () => {
        for (const traineeId of await attempts.underWay()) {
          const found = await attempts.of(traineeId);
          const paused = found && pausedAfterStop(found);
          if (paused && paused !== found) await attempts.save(paused);
        }
      }),
    close: async () => {
      const leaving = [...here];
      here.clear();
      await Promise.all(leaving.map((traineeId) => presence(traineeId, pause, 'away')));
    },
  };
}
