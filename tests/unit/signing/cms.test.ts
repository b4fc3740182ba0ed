import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCertificate } from '../../../src/main/desk/crypto/certificate';
import { parseSignedData } from '../../../src/main/desk/crypto/cms/parse';
import { buildSignedAttributes } from '../../../src/main/desk/crypto/cms/signed-attributes';
import { child, children, compareEncodings, Oid, readOid, readTlv } from '../../../src/main/desk/crypto/der';
import { checkPdfForSigning } from '../../../src/main/desk/signing/preflight';
import { signPdf } from '../../../src/main/desk/signing/sign-pdf';
import { extractSignatures } from '../../support/pdfs/validators';
import { createSigningWorld, type SigningWorld } from './support/world';

let world: SigningWorld;
beforeAll(async () => {
  world = await createSigningWorld();
}, 60_000);

describe('the signed attributes', () => {
  it('are exactly content-type, message-digest and signing-certificate-v2, DER-sorted, without signing-time', async () => {
    const signed = await signPdf(
      checkPdfForSigning(world.fixtures.classic),
      world.session('ec'),
      world.outDir(),
    );
    const [signature] = extractSignatures(signed.output);
    const cms = parseSignedData(signature!.cms);
    expect(cms.signerInfos).toHaveLength(1);
    expect(cms.eContent).toBeNull();
    const info = cms.signerInfos[0]!;
    expect(info.signedAttributes.map((attribute) => attribute.type).sort()).toEqual(
      [Oid.contentType, Oid.messageDigest, Oid.signingCertificateV2].sort(),
    );
    expect(info.signedAttributes.map((attribute) => attribute.type)).not.toContain(Oid.signingTime);
    const encodings = info.signedAttributes.map((attribute) => attribute.raw);
    expect([...encodings].sort(compareEncodings)).toEqual(encodings);
    const digest = createHash('sha256').update(signature!.signedContent).digest();
    const messageDigest = info.signedAttributes.find((attribute) => attribute.type === Oid.messageDigest)!
      .values[0]!;
    expect(Buffer.from(messageDigest.content).equals(digest)).toBe(true);
    expect(cms.certificates.map((der) => Buffer.from(der).toString('hex'))).toContain(
      Buffer.from(world.session('ec').certificate).toString('hex'),
    );
  });

  it('carry an ESSCertIDv2 with the SHA-256 certificate hash, no hashAlgorithm, issuerSerial and no policies', () => {
    const certificate = parseCertificate(world.session('rsa').certificate);
    const { toSign, stored } = buildSignedAttributes(new Uint8Array(32), certificate);
    expect(toSign[0]).toBe(0x31);
    expect(stored[0]).toBe(0xa0);
    expect(Buffer.from(toSign.subarray(1)).equals(Buffer.from(stored.subarray(1)))).toBe(true);
    const attributes = children(readTlv(toSign));
    const essAttribute = attributes.find(
      (attribute) => readOid(child(attribute, 0)) === Oid.signingCertificateV2,
    )!;
    const signingCertificate = child(child(essAttribute, 1), 0);
    expect(children(signingCertificate)).toHaveLength(1);
    const certIds = child(signingCertificate, 0);
    expect(children(certIds)).toHaveLength(1);
    const [certHash, issuerSerial, ...rest] = children(child(certIds, 0));
    expect(rest).toHaveLength(0);
    expect(certHash!.tag).toBe(0x04);
    expect(Buffer.from(certHash!.content).equals(createHash('sha256').update(certificate.der).digest())).toBe(
      true,
    );
    expect(Buffer.from(child(issuerSerial!, 1).raw).equals(Buffer.from(certificate.serialDer))).toBe(true);
    expect(
      Buffer.from(child(child(child(issuerSerial!, 0), 0), 0).raw).equals(Buffer.from(certificate.issuerDer)),
    ).toBe(true);
  });
});

describe('the signature algorithm', () => {
  it.each([
    ['RSA PKCS#1 v1.5', 'rsa', undefined, Oid.sha256WithRsa],
    ['RSA-PSS', 'rsa', 'rsa-pss', Oid.rsaPss],
    ['ECDSA P-256', 'ec', undefined, Oid.ecdsaWithSha256],
  ] as const)('is declared for %s', async (_label, key, scheme, expected) => {
    const signed = await signPdf(
      checkPdfForSigning(world.fixtures.classic),
      world.session(key),
      world.outDir(),
      scheme ? { rsaScheme: scheme } : {},
    );
    const info = parseSignedData(extractSignatures(signed.output)[0]!.cms).signerInfos[0]!;
    expect(info.signatureAlgorithmOid).toBe(expected);
    expect(info.digestOid).toBe(Oid.sha256);
  });

  it('uses SHA-384 when asked, in the digest and in the signature algorithm', async () => {
    const signed = await signPdf(
      checkPdfForSigning(world.fixtures.classic),
      world.session('ec'),
      world.outDir(),
      { hash: 'SHA-384' },
    );
    const info = parseSignedData(extractSignatures(signed.output)[0]!.cms).signerInfos[0]!;
    expect(info.digestOid).toBe(Oid.sha384);
    expect(info.signatureAlgorithmOid).toBe(Oid.ecdsaWithSha384);
  });
});
