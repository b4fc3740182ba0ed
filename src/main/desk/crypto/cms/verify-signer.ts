import { constants, createHash, verify, X509Certificate, type KeyObject } from 'node:crypto';
import * as asn1js from 'asn1js';
import { parseCertificate } from '../certificate';
import { Oid } from '../oids';
import { hashFromOid, nodeHashName, pssParameters } from './algorithms';
import { attributeValue, parseSignedData, parseTstInfo, type ParsedSignerInfo } from './parse';

export interface Check {
  ok: boolean;
  detail: string | null;
}

const pass: Check = { ok: true, detail: null };
const fail = (detail: string): Check => ({ ok: false, detail });

/** The certificate the SignerInfo names (issuer and serial), among those the CMS carries. */
export function findSignerCertificate(
  info: ParsedSignerInfo,
  certificates: readonly Uint8Array[],
): Uint8Array | null {
  return (
    certificates.find((der) => {
      const parsed = parseCertificate(der);
      return (
        Buffer.from(parsed.issuerDer).equals(info.issuerDer) &&
        Buffer.from(parsed.serialDer).equals(info.serialDer)
      );
    }) ?? null
  );
}

/** Checks the SignerInfo's signature over its signed attributes (re-tagged as a SET OF). */
export function verifySignerSignature(info: ParsedSignerInfo, key: KeyObject): Check {
  if (!info.signedAttributesSet) return fail('no signed attributes');
  const signed = info.signedAttributesSet;
  const digest = hashFromOid(info.digestOid);
  if (!digest) return fail(`unsupported digest ${info.digestOid}`);
  try {
    if (info.signatureAlgorithmOid === Oid.rsaPss) {
      const pss = pssParameters(info.signatureAlgorithm);
      const pssHash = hashFromOid(pss.hashOid);
      if (!pssHash) return fail('unsupported PSS hash');
      const ok = verify(
        nodeHashName[pssHash],
        signed,
        { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: pss.saltLength },
        info.signature,
      );
      return ok ? pass : fail('signature does not match');
    }
    return verify(nodeHashName[digest], signed, key, info.signature)
      ? pass
      : fail('signature does not match');
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
}

/** The message-digest attribute equals the digest of `content`. */
export function checkMessageDigest(info: ParsedSignerInfo, digestOfContent: Uint8Array): Check {
  const value = attributeValue(info.signedAttributes, Oid.messageDigest);
  if (!(value instanceof asn1js.OctetString)) return fail('no message-digest attribute');
  return Buffer.from(value.valueBlock.valueHexView).equals(digestOfContent)
    ? pass
    : fail('message digest differs');
}

export interface TimestampCheck extends Check {
  genTime: Date | null;
  tsa: string | null;
}

/** An RFC 3161 token over `signatureValue`: its imprint, its own message digest and signature. */
export function verifyTimestampToken(token: Uint8Array, signatureValue: Uint8Array): TimestampCheck {
  try {
    const signedData = parseSignedData(token);
    const info = signedData.signerInfos[0];
    if (!info || !signedData.eContent || signedData.eContentType !== Oid.tstInfo)
      return { ...fail('not a time-stamp token'), genTime: null, tsa: null };
    const tst = parseTstInfo(signedData.eContent);
    const tsaDer = findSignerCertificate(info, signedData.certificates);
    const tsa = tsaDer ? new X509Certificate(tsaDer).subject.replace(/\n/g, ', ') : null;
    const result = (check: Check): TimestampCheck => ({ ...check, genTime: tst.genTime, tsa });
    const imprintHash = hashFromOid(tst.hashOid);
    if (!imprintHash) return result(fail(`unsupported imprint hash ${tst.hashOid}`));
    if (!createHash(nodeHashName[imprintHash]).update(signatureValue).digest().equals(tst.imprint))
      return result(fail('the token stamps other data'));
    const digest = hashFromOid(info.digestOid);
    if (!digest) return result(fail('unsupported digest'));
    const contentCheck = checkMessageDigest(
      info,
      createHash(nodeHashName[digest]).update(signedData.eContent).digest(),
    );
    if (!contentCheck.ok) return result(contentCheck);
    if (!tsaDer) return result(fail('the TSA certificate is not in the token'));
    return result(verifySignerSignature(info, new X509Certificate(tsaDer).publicKey));
  } catch (error) {
    return { ...fail(error instanceof Error ? error.message : String(error)), genTime: null, tsa: null };
  }
}
