/**
 * A desk that reserves book numbers and then hangs, so a test can kill it with SIGKILL between
 * reserving and confirming: `node --import tsx reserve-and-hold.ts LOCATION_JSON NOW_ISO HOLD_MS ID...`.
 * It prints its reservations as one JSON line once they are committed.
 */
import { reserveNumbers } from '../../../src/main/office/book/reservations';
import { openStore, type StoreLocation } from '../../../src/main/office/store/open-store';

const [locationJson, nowIso, holdMs, ...ids] = process.argv.slice(2);
const store = await openStore(JSON.parse(locationJson!) as StoreLocation);
const reservations = await reserveNumbers(store.db, {
  for: ids,
  now: new Date(nowIso!),
  holdMs: Number(holdMs),
});
process.stdout.write(`${JSON.stringify(reservations)}\n`);
setInterval(() => undefined, 1 << 30);
