import { readFileSync } from 'node:fs';
import { signRawFloor, type FloorConfig } from '../signing/raw-floor';

/**
 * The whole-process floor of `despacho sign`: one Node process running the raw floor (one login,
 * per file SHA-256 + C_Sign, nothing written). `node floor.mjs <config.json>`.
 */
signRawFloor(JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as FloorConfig);
