/**
 * The one list of stable `data-tour` ids: the elements a training scenario points at. Scenarios, the
 * walkthrough and the end-to-end tests name elements by these ids only, never by text or CSS, so a
 * renamed button or a translated label cannot break a lesson. A unit test checks that each id is on
 * an element of the renderer and that every scenario's target is listed here.
 */
export const tourTargetIds = [
  // The queues screen
  'queues.claim-next',
  'queues.grid',
  'queues.row-claim',
  // The case page
  'case.claim',
  'case.release',
  'case.amendments',
  'amendments.request',
  'amendment-request.missing',
  'amendment-request.submit',
  'amendments.reply',
  'amendment-reply.received-at',
  'amendment-reply.submit',
  'case.notes',
  'case-notes.text',
  'case-notes.add',
  'case.report-open',
  'report.template',
  'report.submit',
  'case.signatures',
  'draft.open',
  'draft.locale',
  'draft.send',
  'send.signers',
  'send.confirm',
  'case.notifications',
  'notifications.notify',
  'notification-access.submit',
  'notification-attempt.submit',
  'notifications.archive',
  // The signing tray and the signing flow
  'tray.grid',
  'tray.sign',
  'tray.row-select',
  'sign.card',
  'sign.sign-all',
  'sign.retry',
  'pin.input',
  'pin.submit',
] as const;

export type TourTargetId = (typeof tourTargetIds)[number];

export const isTourTargetId = (value: unknown): value is TourTargetId =>
  typeof value === 'string' && (tourTargetIds as readonly string[]).includes(value);

/** The CSS selector of a target, for the walkthrough and the end-to-end tests. */
export const tourSelector = (id: TourTargetId): string => `[data-tour="${id}"]`;
