import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadTrustStore, type TrustStore } from '../../../../src/main/desk/crypto/trust-store';
import { createPdfFixtures, type PdfFixtures } from '../../../support/pdfs/fixtures';
import { softwareSession } from './software-session';
import { createTestCa, type TestCa, type TestLeaf } from './test-ca';

export type Signer = 'rsa' | 'ec' | 'rsa3072';

/** A test CA with three signers (RSA-2048, EC P-256, RSA-3072), PDF fixtures and a trust store that knows the CA. */
export interface SigningWorld {
  ca: TestCa;
  fixtures: PdfFixtures;
  store: TrustStore;
  anchorsDir: string;
  leaves: Record<Signer, TestLeaf>;
  /** A fresh logged-in session for one of the three signers (a batch closes its session). */
  session(signer: Signer): ReturnType<typeof softwareSession>;
  outDir(): string;
}

export async function createSigningWorld(): Promise<SigningWorld> {
  const ca = createTestCa();
  const anchorsDir = mkdtempSync(join(tmpdir(), 'despacho-anchors-'));
  copyFileSync(ca.rootFile, join(anchorsDir, 'test-root.pem'));
  const leaves: Record<Signer, TestLeaf> = {
    rsa: ca.issue({ name: 'ANA PRUEBAS NÚÑEZ', key: 'rsa-2048' }),
    ec: ca.issue({
      name: 'JOSEP GARCIA I FERRER',
      givenName: 'Josep',
      surname: 'Garcia i Ferrer',
      nif: '00000000T',
      position: 'Concejal de Urbanismo',
      key: 'ec-p256',
    }),
    rsa3072: ca.issue({
      name: 'MARÍA LÓPEZ',
      givenName: 'María',
      surname: 'López',
      nif: '11111111H',
      position: 'Secretaria',
      key: 'rsa-3072',
    }),
  };
  return {
    ca,
    fixtures: await createPdfFixtures(),
    store: loadTrustStore({ extraDirs: [anchorsDir], env: {} }),
    anchorsDir,
    leaves,
    session: (signer) => softwareSession(ca, leaves[signer]),
    outDir: () => mkdtempSync(join(tmpdir(), 'despacho-signed-')),
  };
}
