import { caseFile } from './caseFile';
import { cli } from './cli';
import { common } from './common';
import { errors } from './errors';
import { queues } from './queues';
import { signing } from './signing';

/** The Spanish catalogue is the reference: its keys are the message keys. */
export const es = { ...common, ...errors, ...queues, ...caseFile, ...cli, ...signing } as const;
