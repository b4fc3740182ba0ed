import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The folder-per-runtime rule of ARCHITECTURE.md, checked through the project's own ESLint config:
 * an allowlist per layer that fails closed (a folder no layer names may import nothing).
 */
const eslint = new ESLint({ cwd: process.cwd() });

async function importErrors(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath });
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === 'layers/allowed-imports')
    .map((message) => message.message);
}

interface Case {
  file: string;
  source: string;
  allowed: boolean;
}

const denied = (file: string, source: string): Case => ({ file, source, allowed: false });
const allowed = (file: string, source: string): Case => ({ file, source, allowed: true });

const cases: Record<string, Case[]> = {
  'a folder no layer names imports nothing': [
    denied('src/main/reports/x.ts', "import { calls } from '../../shared/api/index';"),
    denied('src/main/reports/x.ts', "import { readFileSync } from 'node:fs';"),
    denied('src/main/reports/x.ts', "import { x } from './y';"),
    denied('src/main/desk/scanner/x.ts', "import { x } from '../pdf/parser';"),
    denied('src/main/new-module.ts', "import { calls } from '../shared/api/index';"),
    denied('src/worker/x.ts', "import { z } from 'zod';"),
    denied('tools/x.ts', "import { z } from 'zod';"),
  ],
  'signing, verify and tokens depend on the libraries, never on each other': [
    denied('src/main/desk/signing/x.ts', "import { verifyPdf } from '../verify/verify-pdf';"),
    denied('src/main/desk/signing/x.ts', "import { openTokenService } from '../tokens/token-service';"),
    denied('src/main/desk/verify/x.ts', "import { signPdf } from '../signing/sign-pdf';"),
    denied('src/main/desk/tokens/x.ts', "import type { SigningError } from '../signing/errors';"),
    denied('src/main/desk/tokens/x.ts', "import { verifyPdf } from '../verify/verify-pdf';"),
    denied('src/main/desk/pdf/x.ts', "import { parseCertificate } from '../crypto/certificate';"),
    denied('src/main/desk/crypto/x.ts', "import { x } from '../signing/x';"),
    allowed('src/main/desk/signing/x.ts', "import { x } from '../pdf/parser';"),
    allowed('src/main/desk/signing/x.ts', "import { x } from '../crypto/certificate';"),
    allowed('src/main/desk/signing/x.ts', "import type { SigningSession } from '../signing-session';"),
    allowed('src/main/desk/verify/x.ts', "import { x } from '../crypto/cms/parse';"),
    allowed('src/main/desk/tokens/x.ts', "import { x } from '../crypto/certificate';"),
    allowed('src/main/desk/crypto/x.ts', "import { Certificate } from 'pkijs';"),
    allowed('src/main/desk/crypto/cms/x.ts', "import { x } from '../der';"),
  ],
  'office and desk meet only in compose': [
    denied('src/main/office/x.ts', "import { x } from '../desk/tokens/index';"),
    denied('src/main/office/book/x.ts', "import { x } from '../../desk/crypto/certificate';"),
    denied('src/main/office/x.ts', "export * from '../desk/verify/verify-pdf';"),
    denied('src/main/office/x.ts', "const verify = () => import('../desk/verify/verify-pdf');"),
    denied('src/main/desk/signing/x.ts', "import { x } from '../../office/index';"),
    allowed('src/main/compose.ts', "import { x } from './office/index';"),
    allowed('src/main/compose/x.ts', "import { x } from '../desk/signing/batch';"),
    allowed('src/main/office/x.ts', "import type { EventBus } from '../events';"),
    allowed('src/main/office/x.ts', "import { Kysely } from 'kysely';"),
    allowed('src/main/office/store/x.ts', "import { PGlite } from '@electric-sql/pglite';"),
  ],
  'the renderer and shared run without Node or Electron': [
    denied('src/renderer/features/x.ts', "import { readFileSync } from 'node:fs';"),
    denied('src/renderer/features/x.ts', "import { readFileSync } from 'fs';"),
    denied('src/renderer/features/x.ts', "import { ipcRenderer } from 'electron';"),
    denied('src/renderer/features/x.ts', "import { x } from '../../main/office/index';"),
    denied('src/shared/domain/x.ts', "import { join } from 'node:path';"),
    denied('src/shared/domain/x.ts', "import { useState } from 'react';"),
    denied('src/shared/domain/x.ts', "import { x } from '../../renderer/app/x';"),
    allowed('src/renderer/features/x.ts', "import { calls } from '../../shared/api/index';"),
    allowed('src/renderer/features/x.tsx', "import { useQuery } from '@tanstack/react-query';"),
    allowed('src/renderer/x.tsx', "import { createRoot } from 'react-dom/client';"),
    allowed('src/shared/api/x.ts', "import { z } from 'zod';"),
  ],
  'PKCS#11 only in the token worker': [
    allowed('src/main/desk/tokens/worker/x.ts', "import pkcs11js from 'pkcs11js';"),
    allowed('src/main/desk/training-card/x.ts', "import { serveTokenWorker } from '../tokens/serve-worker';"),
    denied('src/main/desk/training-card/x.ts', "import pkcs11js from 'pkcs11js';"),
    denied(
      'src/main/desk/training-card/x.ts',
      "import { createTokenDriver } from '../tokens/worker/token-driver';",
    ),
    allowed('src/main/desk/tokens/worker/x.ts', "import { x } from '../protocol';"),
    denied('src/main/desk/tokens/x.ts', "import pkcs11js from 'pkcs11js';"),
    denied('src/main/desk/signing/x.ts', "import pkcs11js from 'pkcs11js';"),
    denied('src/main/app/x.ts', "import pkcs11js from 'pkcs11js';"),
    denied('src/main/cli/x.ts', "import pkcs11js from 'pkcs11js';"),
    denied('src/main/compose.ts', "import pkcs11js from 'pkcs11js';"),
    denied('src/main/office/x.ts', "import pkcs11js from 'pkcs11js';"),
  ],
  'Electron only in the shell and the preload; nothing imports the shell': [
    allowed('src/main/app/x.ts', "import { app } from 'electron';"),
    allowed('src/main/preload/x.ts', "import { contextBridge } from 'electron';"),
    allowed('src/main/app/x.ts', "import { x } from '../server/host';"),
    denied('src/main/office/x.ts', "import { app } from 'electron';"),
    denied('src/main/cli/x.ts', "import { app } from 'electron';"),
    denied('src/main/server/x.ts', "import { x } from '../app/main';"),
    denied('src/main/cli/commands/x.ts', "import { x } from '../../app/main';"),
    allowed('src/main/cli/commands/x.ts', "import { x } from '../../compose';"),
    allowed('src/main/server/x.ts', "import { WebSocketServer } from 'ws';"),
  ],
  'tests, benchmarks and scripts import anything': [
    allowed('tests/unit/x.test.ts', "import pkcs11js from 'pkcs11js';"),
    allowed('bench/x/run.ts', "import { app } from 'electron';"),
    allowed('scripts/x.ts', "import { readFileSync } from 'fs';"),
  ],
  'every form of import is checked': [
    denied('src/main/desk/verify/x.ts', "export { signPdf } from '../signing/sign-pdf';"),
    denied('src/main/desk/verify/x.ts', "type T = typeof import('../signing/sign-pdf');"),
    denied('src/main/desk/verify/x.ts', "const name = '../signing/x';\nconst load = () => import(name);"),
    denied('src/shared/x.ts', "const fs = require('node:fs');"),
  ],
};

/** Linting loads the config and the TypeScript parser: seconds on a busy machine, more than a test's default. */
const lintTimeoutMs = 120_000;

describe('import boundaries', { timeout: lintTimeoutMs }, () => {
  beforeAll(() => importErrors('src/shared/x.ts', ''), lintTimeoutMs);

  for (const [rule, list] of Object.entries(cases))
    describe(rule, () => {
      it.each(list)('$file: `$source` allowed=$allowed', async ({ file, source, allowed }) => {
        const errors = await importErrors(file, `${source}\n`);
        expect(errors.length === 0, errors.join('\n')).toBe(allowed);
      });
    });

  it('says why an import is refused and what the layer may import', async () => {
    const [message] = await importErrors(
      'src/main/desk/signing/x.ts',
      "import { verifyPdf } from '../verify/verify-pdf';\n",
    );
    expect(message).toContain('desk/signing may not import src/main/desk/verify/verify-pdf (desk/verify)');
    expect(message).toContain('It may import desk/signing, shared, desk/pdf, desk/crypto');
  });

  it('tells a file of an unnamed folder to name it in a layer', async () => {
    const [message] = await importErrors('src/main/reports/x.ts', "import { z } from 'zod';\n");
    expect(message).toContain('src/main/reports/x.ts is in no layer of eslint.config.js');
  });
});
