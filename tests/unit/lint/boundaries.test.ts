import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** The folder-per-runtime rule of ARCHITECTURE.md, checked through the project's own ESLint config. */
const eslint = new ESLint({ cwd: process.cwd() });

async function importErrors(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath });
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === 'no-restricted-imports')
    .map((message) => message.message);
}

const cases: Array<{ file: string; source: string; allowed: boolean }> = [
  { file: 'src/renderer/features/x.ts', source: "import { ipcRenderer } from 'electron';", allowed: false },
  { file: 'src/renderer/features/x.ts', source: "import { readFileSync } from 'node:fs';", allowed: false },
  {
    file: 'src/renderer/features/x.ts',
    source: "import { x } from '../../main/office/index';",
    allowed: false,
  },
  { file: 'src/shared/domain/x.ts', source: "import { join } from 'path';", allowed: false },
  { file: 'src/shared/domain/x.ts', source: "import { app } from 'electron';", allowed: false },
  { file: 'src/main/office/x.ts', source: "import { app } from 'electron';", allowed: false },
  { file: 'src/main/office/x.ts', source: "import { x } from '../desk/tokens/index';", allowed: false },
  { file: 'src/main/desk/x.ts', source: "import { x } from '../office/index';", allowed: false },
  { file: 'src/main/server/x.ts', source: "import { x } from '../app/main';", allowed: false },
  { file: 'src/main/desk/tokens/x.ts', source: "import { PKCS11 } from 'pkcs11js';", allowed: false },
  { file: 'src/main/desk/signing/x.ts', source: "import { PKCS11 } from 'pkcs11js';", allowed: false },
  { file: 'src/main/app/x.ts', source: "import { PKCS11 } from 'pkcs11js';", allowed: false },
  { file: 'src/main/cli/x.ts', source: "import { PKCS11 } from 'pkcs11js';", allowed: false },
  { file: 'src/main/desk/tokens/worker/x.ts', source: "import { PKCS11 } from 'pkcs11js';", allowed: true },
  { file: 'src/main/app/x.ts', source: "import { app } from 'electron';", allowed: true },
  { file: 'src/main/preload/x.ts', source: "import { contextBridge } from 'electron';", allowed: true },
  { file: 'src/main/office/x.ts', source: "import { readFileSync } from 'node:fs';", allowed: true },
  {
    file: 'src/renderer/features/x.ts',
    source: "import { calls } from '../../shared/api/index';",
    allowed: true,
  },
];

describe('import boundaries', () => {
  it.each(cases)('$file: `$source` allowed=$allowed', async ({ file, source, allowed }) => {
    const errors = await importErrors(
      file,
      `${source}\nexport const used = [${source.match(/\{ (\w+) \}/)?.[1]}];\n`,
    );
    expect(errors.length === 0).toBe(allowed);
  });
});
