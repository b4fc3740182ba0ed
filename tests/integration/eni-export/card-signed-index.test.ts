import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../src/shared/api/errors';
import type { CaseFileExportOutcome } from '../../../src/shared/api/exports';
import { deskConnection } from '../../support/desk-connection';
import { opensslCmsVerify } from '../../support/pdfs/validators';
import { deskWithTestCard } from '../../support/desk-with-test-card';

/**
 * Issue 9: the ENI index "signed (CAdES detached) by the head's card from the app". The head of
 * Urbanismo exports a closed case with the test PKI's card (SoftHSM2, ANA GARCIA PEREZ shares her
 * NIF): the index's signature is the card's, and verifies with openssl against the test root.
 */
const suite = deskWithTestCard('card-index', 80);

const connection = (userId: string) => deskConnection(suite.desk, userId);
const head = connection('urb-jefatura');

/** A closed case of the department of whoever `reader` is. */
async function closedCase(reader = head): Promise<string> {
  for (const state of ['archived', 'notified', 'resolved'] as const) {
    const { rows } = await reader('cases.list', { queue: 'all', filter: { state }, limit: 1 });
    if (rows[0]) return rows[0].id;
  }
  throw new Error('the demo city has no closed case in this department');
}

/** The head of another department than Urbanismo, and one of that department's closed cases. */
async function anotherHeadWithAClosedCase() {
  for (const prefix of ['tri', 'act', 'sso', 'pad', 'mam', 'sec']) {
    const desk = connection(`${prefix}-jefatura`);
    const caseId = await closedCase(desk).catch(() => null);
    if (caseId) return { desk, caseId };
  }
  throw new Error('the demo city has no closed case outside Urbanismo');
}

/** The subjects of the certificates a CMS carries, as openssl prints them. */
function carriedSubjects(cms: Uint8Array): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'despacho-index-p7s-'));
  try {
    const file = join(dir, 'index.p7s');
    writeFileSync(file, cms);
    const printed = spawnSync('openssl', ['pkcs7', '-inform', 'DER', '-in', file, '-print_certs', '-noout'], {
      encoding: 'utf8',
    });
    expect(printed.status, printed.stderr).toBe(0);
    return printed.stdout.split('\n').filter((line) => line.startsWith('subject='));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const cardKey = (pin: string) => ({
  token: { module: suite.token().modulePath, label: suite.token().tokenLabel },
  certificate: { id: suite.token().keys.rsa2048.id },
  pin,
  confirmFinalTry: false,
});

function exported(outcome: CaseFileExportOutcome) {
  if ('failure' in outcome) throw new Error(`not exported: ${outcome.failure.kind}.${outcome.failure.code}`);
  return outcome;
}

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => (error instanceof ApiError ? error.toData() : error),
  );

describe('the ENI index signed with the head’s card', () => {
  it('a wrong PIN exports nothing and says so; the right one signs the index with the card’s certificate and chain', async () => {
    const caseId = await closedCase();
    const wrong = await head('exports.caseFile', { caseId, card: cardKey('000000') });
    expect(wrong).toEqual({
      failure: expect.objectContaining({ kind: 'token', code: expect.stringMatching(/^pin_incorrect/) }),
    });

    const file = exported(await head('exports.caseFile', { caseId, card: cardKey(suite.token().userPin) }));
    expect(file.signedWith).toBe('card');
    const files = unzipSync(new Uint8Array(Buffer.from(file.base64, 'base64')));
    const signature = {
      cms: Buffer.from(files['index.xml.p7s']!),
      signedContent: Buffer.from(files['index.xml']!),
    };
    // Only the test root is given: the CMS must carry the card's issuer itself.
    const verified = opensslCmsVerify(signature, suite.token().root.pem);
    expect(verified.ok, verified.text).toBe(true);
    const subjects = carriedSubjects(signature.cms);
    expect(subjects.some((subject) => subject.includes('ANA GARCIA PEREZ'))).toBe(true);
    expect(subjects.length).toBeGreaterThanOrEqual(2);
  });

  it('the office’s seal when no card is named; a processor may not sign with a card, nor a head with another’s', async () => {
    const caseId = await closedCase();
    expect(exported(await head('exports.caseFile', { caseId })).signedWith).toBe('seal');
    expect(
      await refusal(
        connection('urb-01')('exports.caseFile', { caseId, card: cardKey(suite.token().userPin) }),
      ),
    ).toEqual({ code: 'forbidden' });
    // The card belongs to Urbanismo's head: another department's head is refused, and nothing is signed.
    const other = await anotherHeadWithAClosedCase();
    expect(
      await refusal(
        other.desk('exports.caseFile', { caseId: other.caseId, card: cardKey(suite.token().userPin) }),
      ),
    ).toEqual({
      code: 'signature_wrong_certificate',
    });
  });
});
