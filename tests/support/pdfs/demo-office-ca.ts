import { join } from 'node:path';
import { resourcesDir } from '../../../src/main/package-root';

/** The demo office's practice CA: what its seal and its heads' practice cards chain to. */
export const demoOfficeCaPem = join(resourcesDir, 'training', 'ca', 'demo-office-ca.pem');
