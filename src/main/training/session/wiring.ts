import type { Kysely } from 'kysely';
import type { Handlers } from '../../../shared/api/dispatch';
import type { LegalCalendar } from '../../../shared/domain/calendar';
import type { CardFaults } from '../../../shared/training/scenario';
import type { EventBus } from '../../events';
import { caseworkTemplates } from '../../office/casework/templates';
import type { OfficeSchema } from '../../office/store/schema';
import { runOutcomeCheck } from '../outcomes/run';
import type { ClassOf } from '../records/completions';
import { resolveFixtureCases } from '../scenarios/fixtures';
import { loadScenarios } from '../scenarios/load';
import { applyScenarioSetup, type SetupContext } from '../scenarios/setup';
import { observingContractEvents, reportingDomainEvents } from './domain-events';
import { noTrainingHere } from './elsewhere';
import type { Scenario } from '../../../shared/training/scenario';
import type { Completion } from '../records/completions';
import type { CaseAliases, RunOutcomeCheck, ScenarioCatalogue, StageScenario } from './ports';
import { revealsOver } from './reveals';
import { traineeDesk, type Coaching } from './trainee-desk';

/** What a desk does with the trainee's calls: serve them over its handlers, or refuse them. */
export interface TrainingWiring {
  serve(handlers: Omit<Handlers, keyof typeof noTrainingHere>): Handlers;
  /** The user closed their last page on this desk: a trainee's clock stands still until they are back. */
  left(userId: string): Promise<void>;
  /** Stops watching; the trainees still here go away (their clocks stop while the desk is closed). */
  close(): Promise<void>;
}

/** Every desk but a training desk: no scenarios, no trainee (`not_found`). */
export const noTraineeDesk: TrainingWiring = {
  serve: (handlers) => ({ ...handlers, ...noTrainingHere }),
  left: async () => undefined,
  close: async () => undefined,
};

/** A training desk's: also what its trainer's console does with the trainees' attempts. */
export interface TraineeDeskOpened extends TrainingWiring {
  readonly coaching: Coaching;
}

export interface TraineeDeskWiring {
  db: Kysely<OfficeSchema>;
  /** The office the scenarios' setup records go through, as the people who would have made them. */
  office: SetupContext['office'];
  calendar: LegalCalendar;
  events: EventBus;
  now: () => Date;
  /**
   * The desk's practice card: each scenario starts with it in the reader, scripted with its faults;
   * a card a fault pulled out is back only when the trainee puts it back (`training.card.insert`).
   */
  practiceCard?: { reset(faults?: CardFaults): void; insert(): void };
  /** The scenarios' folder (the shipped ones by default). */
  scenariosDir?: string;
  /** The class session a trainee is in and its trainer, for the completion records; none by default. */
  classOf?: ClassOf;
  /** Where finished scenarios are recorded: this store by default. */
  recordCompletion?: (completion: Completion) => Promise<void>;
  /** A failure to record progress (never a failure of the trainee's own call); stderr by default. */
  onError?: (error: unknown) => void;
}

/** The scenarios a desk offers, found by id. */
export const scenarioCatalogue = (scenarios: readonly Scenario[]): ScenarioCatalogue => ({
  list: () => scenarios,
  get: (id) => scenarios.find((scenario) => scenario.id === id),
});

const asNumbers = (cases: CaseAliases) =>
  Object.fromEntries(Object.entries(cases).map(([alias, id]) => [alias, Number(id)]));

/**
 * A training desk's trainee: the shipped scenarios, their fixture cases chosen in the sandbox (and
 * their setup records made there), the outcome checks run against it, and every successful call
 * and contract event observed as a domain event of the trainee's progress.
 */
export async function openTraineeDesk(options: TraineeDeskWiring): Promise<TraineeDeskOpened> {
  const onError = options.onError ?? reportTrainingFailure;
  const scenarios = await loadScenarios(options.scenariosDir);
  const stage: StageScenario = async (scenario) => {
    options.practiceCard?.reset(scenario.card);
    const cases = await resolveFixtureCases(options.db, scenario.fixtures);
    await applyScenarioSetup({
      office: options.office,
      db: options.db,
      fixtures: scenario.fixtures,
      cases,
      now: options.now,
    });
    return Object.fromEntries(Object.entries(cases).map(([alias, id]) => [alias, String(id)]));
  };
  const check: RunOutcomeCheck = async (outcome, { traineeId, cases }) => {
    const result = await runOutcomeCheck(
      {
        db: options.db,
        calendar: options.calendar,
        traineeId,
        cases: asNumbers(cases),
        caseworkTemplates: caseworkTemplates(),
      },
      outcome,
    );
    return result.passed ? { ok: true } : { ok: false, reason: result.failure };
  };
  const trainee = traineeDesk({
    db: options.db,
    scenarios: scenarioCatalogue(scenarios),
    stage,
    check,
    resolveReveal: revealsOver(options.db),
    events: options.events,
    now: options.now,
    ...(options.classOf ? { classOf: options.classOf } : {}),
    ...(options.recordCompletion ? { recordCompletion: options.recordCompletion } : {}),
    ...(options.practiceCard ? { practiceCard: options.practiceCard } : {}),
  });
  await trainee.recover();
  const unsubscribe = observingContractEvents(options.events, trainee.trainees, trainee.observe, onError);
  return {
    coaching: trainee.coaching,
    serve: (handlers) =>
      reportingDomainEvents({ ...handlers, ...trainee.handlers }, trainee.observe, onError, trainee),
    left: (userId) => trainee.away(userId).catch(onError),
    close: async () => {
      unsubscribe();
      await trainee.close().catch(onError);
    },
  };
}

/** A failure recording progress, said on stderr by its kind only (its message may name a case). */
export function reportTrainingFailure(error: unknown): void {
  process.stderr.write(`despacho training: ${error instanceof Error ? error.name : 'error'}\n`);
}
