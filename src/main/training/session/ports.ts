import type { StepReveal } from '../../../shared/api/training';
import type { OutcomeCheck, Reveal, Scenario } from '../../../shared/training/scenario';

/** The scenarios a training desk offers (the loader reads them from resources/training/scenarios). */
export interface ScenarioCatalogue {
  list(): readonly Scenario[];
  get(id: string): Scenario | undefined;
}

/** The scenario's case aliases, as the sandbox's case ids. */
export type CaseAliases = Readonly<Record<string, string>>;

/** Puts the sandbox at the scenario's start (its fixtures) and says which sandbox cases its aliases are. */
export type StageScenario = (scenario: Scenario, traineeId: string) => Promise<CaseAliases>;

/** Something the trainee did: a call of the contract that succeeded, or a contract event, by name. */
export interface DomainEvent {
  readonly name: string;
  readonly traineeId: string;
  readonly input: unknown;
}

export interface OutcomeVerdict {
  readonly ok: boolean;
  /** Why not, for the trainer's record (a code, never personal data). */
  readonly reason?: string;
}

/** Runs one of the scenario's outcome checks in main, against the sandbox's store. */
export type RunOutcomeCheck = (
  check: OutcomeCheck,
  context: { readonly traineeId: string; readonly cases: CaseAliases; readonly event: DomainEvent },
) => Promise<OutcomeVerdict>;

/** A step's reveal with the scenario's aliases made into the sandbox's ids (a signing route's requests, say). */
export type ResolveReveal = (reveal: Reveal, cases: CaseAliases) => Promise<StepReveal>;
