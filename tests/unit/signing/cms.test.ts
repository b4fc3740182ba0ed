import { createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCertificate } from '../../../src/main/desk/crypto/certificate';
import { parseSignedData } from '../../../src/main/desk/crypto/cms/parse';
import { buildSignedAttributes } from '../../../src/main/desk/crypto/cms/signed-attributes';
import { compareEncodings } from '../../../src/main/desk/crypto/der';
import { Oid } from '../../../src/main/desk/crypto/oids';
import { checkPdfForSigning } from '../../../src/main/desk/signing/preflight';
import { signPdf } from '../../../src/main/desk/signing/sign-pdf';
import { extractSignatures } from '../../support/pdfs/validators';
import { createSigningWorld, type SigningWorld } from './support/world';

let world: SigningWorld;
beforeAll(async () => {
  world = await createSigningWorld();
});

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
      .values[0] as asn1js.OctetString;
    expect(Buffer.from(messageDigest.valueBlock.valueHexView).equals(digest)).toBe(true);
    // The SignerInfo stores those sorted encodings ([0], read back as the SET OF the card signed).
    const signedSet = Buffer.from(info.signedAttributesSet!);
    const content = Buffer.concat(encodings);
    expect(signedSet[0]).toBe(0x31);
    expect(signedSet.subarray(signedSet.length - content.length).equals(content)).toBe(true);
    expect(cms.certificates.map((der) => Buffer.from(der).toString('hex'))).toContain(
      Buffer.from(world.session('ec').certificate).toString('hex'),
    );
  });

  it('carry an ESSCertIDv2 with the SHA-256 certificate hash, no hashAlgorithm, issuerSerial and no policies', () => {
    const certificate = parseCertificate(world.session('rsa').certificate);
    const { toSign } = buildSignedAttributes(new Uint8Array(32), certificate);
    expect(toSign[0]).toBe(0x31);
    const set = asn1js.fromBER(new Uint8Array(toSign)).result as asn1js.Set;
    expect(Buffer.from(set.toBER()).equals(Buffer.from(toSign))).toBe(true);
    const essAttribute = set.valueBlock.value
      .map((attribute) => (attribute as asn1js.Sequence).valueBlock.value)
      .find(
        ([type]) => (type as asn1js.ObjectIdentifier).valueBlock.toString() === Oid.signingCertificateV2,
      )!;
    const values = (essAttribute[1] as asn1js.Set).valueBlock.value;
    expect(values).toHaveLength(1);
    const signingCertificate = values[0] as asn1js.Sequence;
    expect(signingCertificate.valueBlock.value).toHaveLength(1);
    const certIds = signingCertificate.valueBlock.value[0] as asn1js.Sequence;
    expect(certIds.valueBlock.value).toHaveLength(1);
    const [certHash, issuerSerial, ...rest] = (certIds.valueBlock.value[0] as asn1js.Sequence).valueBlock
      .value;
    expect(rest).toHaveLength(0);
    expect(certHash).toBeInstanceOf(asn1js.OctetString);
    expect(
      Buffer.from((certHash as asn1js.OctetString).valueBlock.valueHexView).equals(
        createHash('sha256').update(certificate.der).digest(),
      ),
    ).toBe(true);
    const [generalNames, serial] = (issuerSerial as asn1js.Sequence).valueBlock.value;
    expect(Buffer.from(serial!.valueBeforeDecodeView).equals(Buffer.from(certificate.serialDer))).toBe(true);
    const directoryName = (generalNames as asn1js.Sequence).valueBlock.value[0] as asn1js.Constructed;
    expect(directoryName.idBlock.tagClass).toBe(3);
    expect(directoryName.idBlock.tagNumber).toBe(4);
    expect(
      Buffer.from(directoryName.valueBlock.value[0]!.valueBeforeDecodeView).equals(
        Buffer.from(certificate.issuerDer),
      ),
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
