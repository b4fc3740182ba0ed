import { createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { HashAlgorithm, SigningSession } from '../../signing-session';
import { parseCertificate } from '../certificate';
import { der, Tag } from '../der';
import { Oid } from '../oids';
import { derSorted, signingCertificateV2 } from './signed-attributes';
import { detachedSignedData, signerInfo } from './signed-data';

export interface DetachedCadesRequest {
  /** The bytes signed (a file beside the signature: an ENI index, for one). */
  content: Uint8Array;
  session: SigningSession;
  /** The signer's certificate first, then its issuers up to, not including, the root. */
  certificates: readonly Uint8Array[];
  signingTime: Date;
  hash?: HashAlgorithm;
}

const attribute = (type: string, value: asn1js.AsnType) => new pkijs.Attribute({ type, values: [value] });

/**
 * CAdES-BES detached over a whole file (not a PDF's byte ranges): signed attributes content-type,
 * message-digest, signing-time (CAdES keeps the claimed time here, unlike PAdES which keeps it in
 * /M) and signing-certificate-v2, sorted as a DER SET OF. `openssl cms -verify -binary -content`
 * checks it against the file.
 */
export async function signDetachedCades(request: DetachedCadesRequest): Promise<Uint8Array> {
  const hash = request.hash ?? 'SHA-256';
  const signer = parseCertificate(request.session.certificate);
  const digest = createHash(hash.replace('-', '').toLowerCase()).update(request.content).digest();
  const attributes = derSorted([
    attribute(Oid.contentType, new asn1js.ObjectIdentifier({ value: Oid.data })),
    attribute(Oid.messageDigest, new asn1js.OctetString({ valueHex: digest })),
    attribute(Oid.signingTime, new asn1js.UTCTime({ valueDate: request.signingTime })),
    attribute(Oid.signingCertificateV2, signingCertificateV2(signer)),
  ]);
  const toSign = der(Tag.set, ...attributes.map((item) => new Uint8Array(item.toSchema().toBER())));
  const scheme = request.session.keyAlgorithm.type === 'ec' ? 'ecdsa' : 'rsa-pkcs1';
  const signatureValue = await request.session.sign(toSign, { hash, scheme });
  const info = signerInfo({
    signer,
    hash,
    signedAttributes: toSign,
    key: request.session.keyAlgorithm,
    scheme,
    signatureValue,
  });
  return detachedSignedData(hash, request.certificates, info);
}
