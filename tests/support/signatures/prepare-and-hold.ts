/**
 * A desk that prepares resolutions for signing (numbers reserved, final PDFs rendered) and then
 * hangs, so a test can kill it with SIGKILL between prepare and confirm:
 * `node --import tsx prepare-and-hold.ts LOCATION_JSON NOW_ISO USER_ID REQUEST_ID...`.
 * It prints its prepared items (the PDF in base64) as one JSON line once they are committed.
 */
import { EventBus } from '../../../src/main/events';
import { loadCalendar } from '../../../src/main/office/calendar/load';
import { officeOnStore } from '../../../src/main/office/index';
import { openStore, type StoreLocation } from '../../../src/main/office/store/open-store';

const [locationJson, nowIso, userId, ...requestIds] = process.argv.slice(2);
const location = JSON.parse(locationJson!) as StoreLocation;
const store = await openStore(location);
const office = await officeOnStore(store, location, {
  mode: 'server',
  signIn: 'identityProvider',
  events: new EventBus(),
  calendar: loadCalendar(),
  now: () => new Date(nowIso!),
});
const actor = await office.actors.resolve(userId!);
if (!actor) throw new Error(`no user ${userId}`);
const outcomes = await office.signing.prepare(actor, requestIds);
process.stdout.write(
  `${JSON.stringify(outcomes.map((outcome) => ('pdf' in outcome ? { ...outcome, pdf: Buffer.from(outcome.pdf).toString('base64') } : outcome)))}\n`,
);
setInterval(() => undefined, 1 << 30);
