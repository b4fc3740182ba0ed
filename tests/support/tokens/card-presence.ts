import { appendFileSync, existsSync, readFileSync } from 'node:fs';

/**
 * The card reader of the `present-while-FILE` fault: the card is in while FILE exists, and the
 * worker writes a line to FILE.asked each time the desk looks at the reader, so a test waits for
 * the desk's polls themselves instead of guessing how long they take.
 */
const askedLog = (presenceFile: string) => `${presenceFile}.asked`;

export const cardIsIn = (presenceFile: string): boolean => existsSync(presenceFile);

export const noteAsked = (presenceFile: string): void => appendFileSync(askedLog(presenceFile), '.\n');

export const timesAsked = (presenceFile: string): number =>
  existsSync(askedLog(presenceFile))
    ? readFileSync(askedLog(presenceFile), 'utf8').split('\n').length - 1
    : 0;
