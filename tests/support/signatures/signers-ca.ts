import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { certifiedSignerCheck } from '../../../src/main/compose/signer-check';
import { loadTrustStore } from '../../../src/main/desk/crypto/trust-store';
import { checkPdfForSigning } from '../../../src/main/desk/signing/preflight';
import { signPdf } from '../../../src/main/desk/signing/sign-pdf';
import { earlierSignatureStates } from '../../../src/main/desk/verify/earlier-signatures';
import { demoStaff } from '../../../src/main/office/demo/city';
import type { SignerCheck } from '../../../src/main/office/signatures/signer-check';
import { softwareSession } from '../../unit/signing/support/software-session';
import { createTestCa, type TestCa, type TestLeaf } from '../../unit/signing/support/test-ca';

/** Who a test certificate names: a demo user's own, or anybody's (a NIF of nobody's, a name). */
export type CertificateHolder = string | { name: string; nif: string };

export interface SignersCa {
  /** The office's check as a real office has it: this CA's root trusted, practice cards refused. */
  check: SignerCheck;
  /** The prepared PDF signed in `fieldName` with a card of `holder` (a demo user's id: their NIF). */
  signAs(prepared: Uint8Array, fieldName: string, holder: CertificateHolder): Promise<Uint8Array>;
  /** The root of this CA, as a trust folder (what an administrator adds to DESPACHO_TRUST_DIRS). */
  anchorsDir: string;
  close(): void;
}

/**
 * A throwaway public-employee CA whose root the office trusts, issuing each demo user a card with
 * their NIF (tests/support/pki/test-pki.ts gives the SoftHSM2 token's cards the demo heads' NIFs the
 * same way): the office's tests sign for real, and the office checks for real who signed.
 */
export function signersCa(): SignersCa {
  const ca: TestCa = createTestCa('Despacho Signers');
  const scratch = mkdtempSync(join(tmpdir(), 'despacho-signers-'));
  const anchorsDir = join(scratch, 'anchors');
  mkdirSync(anchorsDir);
  copyFileSync(ca.rootFile, join(anchorsDir, 'root.pem'));
  const staff = new Map(demoStaff().map((user) => [user.id, user]));
  const leaves = new Map<string, TestLeaf>();
  const leafOf = (holder: CertificateHolder): TestLeaf => {
    const named = typeof holder === 'string' ? staff.get(holder) : holder;
    if (!named) throw new Error(`no demo user ${String(holder)}`);
    const known = leaves.get(named.nif);
    if (known) return known;
    const [givenName = '', ...surnames] = named.name.split(' ');
    const leaf = ca.issue({
      name: named.name,
      givenName,
      surname: surnames.join(' '),
      nif: named.nif,
      key: 'ec-p256',
    });
    leaves.set(named.nif, leaf);
    return leaf;
  };
  let files = 0;
  return {
    check: certifiedSignerCheck({
      trust: loadTrustStore({ extraDirs: [anchorsDir] }),
      acceptsPracticeCards: false,
    }),
    async signAs(prepared, fieldName, holder) {
      const leaf = leafOf(holder);
      const dir = join(scratch, String(++files));
      mkdirSync(dir);
      try {
        const path = join(dir, 'prepared.pdf');
        writeFileSync(path, prepared);
        // A later signer signs over the earlier signatures, which the desk checks first.
        const signed = await signPdf(checkPdfForSigning(path), softwareSession(ca, leaf), dir, {
          field: fieldName,
          earlierSignatures: earlierSignatureStates,
        });
        return new Uint8Array(readFileSync(signed.output));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    anchorsDir,
    close() {
      rmSync(scratch, { recursive: true, force: true });
      rmSync(ca.dir, { recursive: true, force: true });
    },
  };
}
