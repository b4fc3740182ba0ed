import { loadTrustStore, type TrustStore } from '../desk/crypto/trust-store';
import type { GeneratedPdfMark } from '../office/generated-pdf';
import type { SignInMethod } from '../office/index';
import { trainingWatermark } from '../office/training-watermark';

/** The wirings a desk can have (see DeskComposition). */
export type DeskMode = 'embedded' | 'server' | 'training';

/**
 * How people sign in is part of the wiring: the embedded and training desks run on the demo city
 * and let people pick one of its fictitious staff; the shared server has no sign-in by name: people
 * sign in there with their card, so nobody becomes someone else by naming them.
 */
export const signInByMode: Record<DeskMode, SignInMethod> = {
  embedded: 'demoPicker',
  training: 'demoPicker',
  server: 'identityProvider',
};

/** What each mode does to the PDFs its office generates: a training desk watermarks every one. */
export const pdfMarkByMode: Record<DeskMode, GeneratedPdfMark | undefined> = {
  embedded: undefined,
  training: trainingWatermark,
  server: undefined,
};

/**
 * The anchors a desk trusts: the shipped ones and the administrator's (DESPACHO_TRUST_DIRS), or, on a
 * training desk, none but the training CAs, whose signatures are never valid anyway.
 */
export function trustFor(mode: DeskMode, env: NodeJS.ProcessEnv): TrustStore {
  const store = loadTrustStore({ env });
  return mode === 'training' ? { ...store, anchors: [], intermediates: [] } : store;
}
