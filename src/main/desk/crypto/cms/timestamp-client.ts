import { createHash, randomBytes } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { HashAlgorithm } from '../../signing-session';
import { digestAlgorithm, hashFromOid, nodeHashName } from './algorithms';
import { parseSignedData, parseTstInfo, type TstInfo } from './parse';

export type TsaFailure = 'unreachable' | 'http' | 'rejected' | 'mismatch';

export class TsaError extends Error {
  constructor(
    readonly failure: TsaFailure,
    detail: string,
  ) {
    super(detail);
  }
}

export interface TimestampResult {
  /** The TimeStampToken exactly as the TSA encoded it. */
  token: Uint8Array;
  info: TstInfo;
}

function timestampRequest(imprint: Uint8Array, hash: HashAlgorithm, nonce: bigint): Uint8Array {
  const request = new pkijs.TimeStampReq({
    version: 1,
    messageImprint: new pkijs.MessageImprint({
      hashAlgorithm: digestAlgorithm(hash),
      hashedMessage: new asn1js.OctetString({ valueHex: imprint }),
    }),
    nonce: asn1js.Integer.fromBigInt(nonce),
    certReq: true,
  });
  return new Uint8Array(request.toSchema().toBER());
}

/** The token of a granted TimeStampResp, as its bytes (re-encoding could break the TSA's signature). */
function grantedToken(body: Uint8Array): Uint8Array {
  const parsed = asn1js.fromBER(body);
  const parts = parsed.result instanceof asn1js.Sequence ? parsed.result.valueBlock.value : [];
  if (parsed.offset === -1 || !parts[0]) throw new TsaError('rejected', 'unreadable response');
  const status = new pkijs.PKIStatusInfo({ schema: parts[0] }).status;
  if (status !== pkijs.PKIStatus.granted && status !== pkijs.PKIStatus.grantedWithMods)
    throw new TsaError('rejected', `status ${status}`);
  if (!parts[1]) throw new TsaError('rejected', 'no token in the response');
  return new Uint8Array(parts[1].valueBeforeDecodeView);
}

/**
 * RFC 3161 over HTTP: asks the TSA to stamp the SignerInfo's signature value and checks that the
 * answer is granted and stamps exactly that value with our nonce.
 */
export async function requestTimestamp(
  url: string,
  signatureValue: Uint8Array,
  hash: HashAlgorithm,
  timeoutMs = 30_000,
): Promise<TimestampResult> {
  const imprint = createHash(nodeHashName[hash]).update(signatureValue).digest();
  const nonce = BigInt(`0x${randomBytes(8).toString('hex')}`) | 1n;
  let body: Uint8Array;
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/timestamp-query' },
      body: Buffer.from(timestampRequest(imprint, hash, nonce)),
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!response.ok) throw new TsaError('http', `HTTP ${response.status}`);
    body = new Uint8Array(await response.arrayBuffer());
  } catch (error) {
    if (error instanceof TsaError) throw error;
    throw new TsaError('unreachable', error instanceof Error ? error.message : String(error));
  }
  let token: Uint8Array;
  let info: TstInfo;
  try {
    token = grantedToken(body);
    const signedData = parseSignedData(token);
    if (!signedData.eContent) throw new TsaError('rejected', 'the token has no TSTInfo');
    info = parseTstInfo(signedData.eContent);
  } catch (error) {
    if (error instanceof TsaError) throw error;
    throw new TsaError('rejected', 'unreadable response');
  }
  if (hashFromOid(info.hashOid) !== hash || !Buffer.from(info.imprint).equals(imprint))
    throw new TsaError('mismatch', 'the token stamps other data');
  if (info.nonce !== nonce) throw new TsaError('mismatch', 'the token answers another request (nonce)');
  return { token, info };
}
