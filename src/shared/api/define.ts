import type { z } from 'zod';
import type { Access } from './access';

/** One request/response call of the contract, with who may make it. */
export interface CallSpec<
  I extends z.ZodType = z.ZodType,
  O extends z.ZodType = z.ZodType,
  A extends Access = Access,
> {
  readonly kind: 'call';
  readonly input: I;
  readonly output: O;
  /** Enforced by `dispatch` before any handler runs. */
  readonly access: A;
}

/** One event pushed from main to the connected renderers whose user is in its audience. */
export interface EventSpec<P extends z.ZodType = z.ZodType> {
  readonly kind: 'event';
  readonly payload: P;
}

/** The access rule is required: a new call cannot be added without saying who may make it. */
export const call = <I extends z.ZodType, O extends z.ZodType, A extends Access>(
  input: I,
  output: O,
  access: A,
): CallSpec<I, O, A> => ({ kind: 'call', input, output, access });

export const event = <P extends z.ZodType>(payload: P): EventSpec<P> => ({ kind: 'event', payload });
