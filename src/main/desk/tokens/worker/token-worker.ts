import pkcs11js from 'pkcs11js';
import { workerPort } from './port';
import { serveTokenWorker } from '../serve-worker';
import { createTokenDriver } from './token-driver';

/** The token worker process: the only place pkcs11js and the card's module are loaded. */
serveTokenWorker(
  workerPort(),
  createTokenDriver(() => new pkcs11js.PKCS11()),
  () => process.exit(0),
);
