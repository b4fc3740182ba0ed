/**
 * Another process for the data folder lock's tests: takes the lock of the folder named by its first
 * argument and prints one JSON line, `{"held":true}` or `{"refused":code,"params":{...}}`; a holder
 * keeps the lock until its stdin ends, then releases it and exits. With a second argument it first
 * prints `{"waiting":true}` and waits for that file to appear, so several can start at once.
 */
import { existsSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { acquireDataFolderLock } from '../../src/main/office/store/data-folder-lock';
import { ApiError } from '../../src/shared/api/errors';

const [dataDir, startSignal] = process.argv.slice(2);
const report = (line: object) => process.stdout.write(`${JSON.stringify(line)}\n`);

if (startSignal) {
  report({ waiting: true });
  while (!existsSync(startSignal)) await sleep(5);
}
try {
  const lock = acquireDataFolderLock(dataDir!);
  report({ held: true });
  process.stdin.on('end', () => lock.release());
  process.stdin.resume();
} catch (error) {
  if (!(error instanceof ApiError)) throw error;
  report({ refused: error.code, params: error.params });
}
