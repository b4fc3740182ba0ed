import { readdirSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { signBatch } from '../../../src/main/desk/signing/batch';
import { SigningError } from '../../../src/main/desk/signing/errors';
import { checkPdfForSigning } from '../../../src/main/desk/signing/preflight';
import { signPdf } from '../../../src/main/desk/signing/sign-pdf';
import { earlierSignatureStates } from '../../../src/main/desk/verify/earlier-signatures';
import {
  appendContentChange,
  blankSignature,
  changeSignedByte,
  damageSignatureValue,
} from '../../support/pdfs/tamper';
import { createSigningWorld, type SigningWorld } from './support/world';

let world: SigningWorld;
let signed: string;
beforeAll(async () => {
  world = await createSigningWorld();
  signed = (await signPdf(checkPdfForSigning(world.fixtures.classic), world.session('rsa'), world.outDir()))
    .output;
});

/** Tries to countersign `path`; returns the refusal, having checked that nothing was signed or written. */
async function refusalFor(path: string, withCheck = true): Promise<SigningError> {
  const session = world.session('ec');
  const out = world.outDir();
  const error = await signPdf(
    checkPdfForSigning(path),
    session,
    out,
    withCheck ? { earlierSignatures: earlierSignatureStates } : {},
  ).then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(SigningError);
  expect(session.signCount()).toBe(0);
  expect(readdirSync(out)).toEqual([]);
  return error as SigningError;
}

describe('a document whose earlier signature no longer verifies', { timeout: 120_000 }, () => {
  it('is refused when bytes inside its range changed, naming the signature and its signer', async () => {
    expect(await refusalFor(changeSignedByte(signed))).toMatchObject({
      kind: 'input',
      key: 'signing.input.signatureChanged',
      params: { file: 'tampered.pdf', field: 'Signature1', signer: 'Ana Pruebas Núñez' },
    });
  });

  it('is refused when its CMS no longer verifies', async () => {
    expect(await refusalFor(damageSignatureValue(signed))).toMatchObject({
      key: 'signing.input.signatureDamaged',
      params: { field: 'Signature1', signer: 'Ana Pruebas Núñez' },
    });
  });

  it('is refused when its CMS cannot even be read', async () => {
    expect(await refusalFor(blankSignature(signed))).toMatchObject({
      key: 'signing.input.signatureUnreadable',
      params: { field: 'Signature1' },
    });
  });

  it('is refused when its content was changed in a later revision', async () => {
    expect(await refusalFor(appendContentChange(signed))).toMatchObject({
      key: 'signing.input.modifiedAfterSignature',
      params: { field: 'Signature1', signer: 'Ana Pruebas Núñez' },
    });
  });

  it('is never signed unchecked: without the verifier, a signed document is refused', async () => {
    expect((await refusalFor(signed, false)).key).toBe('signing.input.signaturesUnchecked');
  });

  it('is refused in a batch before the card is touched', async () => {
    const out = world.outDir();
    let logins = 0;
    const outcome = await signBatch({
      files: [world.fixtures.classic, changeSignedByte(signed)],
      outDir: out,
      options: { earlierSignatures: earlierSignatureStates },
      openSession: async () => {
        logins++;
        return world.session('ec');
      },
    });
    expect(outcome).toMatchObject({ status: 'refused', error: { key: 'signing.input.signatureChanged' } });
    expect(logins).toBe(0);
    expect(readdirSync(out)).toEqual([]);
  });

  it('lets an intact one be countersigned', async () => {
    const countersigned = await signPdf(checkPdfForSigning(signed), world.session('ec'), world.outDir(), {
      earlierSignatures: earlierSignatureStates,
    });
    expect(countersigned.fieldName).toBe('Signature2');
    expect((await earlierSignatureStates(countersigned.output)).map((signature) => signature.state)).toEqual([
      'intact',
      'intact',
    ]);
  });
});
