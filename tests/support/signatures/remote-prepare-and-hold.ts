/**
 * A desk whose office is remote: it prepares resolutions for signing over the office's HTTP binding
 * (numbers reserved at the office, final PDFs sent back) and then hangs, so a test can kill it with
 * SIGKILL between prepare and confirm:
 * `node --import tsx remote-prepare-and-hold.ts OFFICE_ADDRESS_JSON REQUEST_ID...`.
 * It prints the numbers it holds as one JSON line once the office answered.
 */
import { officeClient, type OfficeAddress } from '../../../src/main/compose/office-client';
import { remoteSigningOffice } from '../../../src/main/compose/remote-signing-office';

const [addressJson, ...requestIds] = process.argv.slice(2);
const office = remoteSigningOffice(officeClient(JSON.parse(addressJson!) as OfficeAddress));
// The office signs as the desk connection's signed-in user: the actor here only names a batch.
const outcomes = await office.prepare({ id: '', name: '', departmentId: '', roles: [] }, requestIds);
process.stdout.write(
  `${JSON.stringify(outcomes.map((outcome) => ('number' in outcome ? outcome.number : outcome)))}\n`,
);
setInterval(() => undefined, 1 << 30);
