import { createHash, randomBytes } from 'node:crypto';
import type { HashAlgorithm } from '../../signing-session';
import { child, children, der, octetString, readTlv, sequence, Tag, integer } from '../der';
import { digestAlgorithmIdentifier, hashFromOid, nodeHashName } from './algorithms';
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
  token: Uint8Array;
  info: TstInfo;
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
  const request = sequence(
    integer(1),
    sequence(digestAlgorithmIdentifier(hash), octetString(imprint)),
    integer(nonce),
    der(Tag.boolean, Uint8Array.of(0xff)),
  );
  let body: Uint8Array;
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/timestamp-query' },
      body: Buffer.from(request),
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!response.ok) throw new TsaError('http', `HTTP ${response.status}`);
    body = new Uint8Array(await response.arrayBuffer());
  } catch (error) {
    if (error instanceof TsaError) throw error;
    throw new TsaError('unreachable', error instanceof Error ? error.message : String(error));
  }
  let token: Uint8Array;
  try {
    const parts = children(readTlv(body));
    const status = Number(child(parts[0]!, 0).content[0]);
    if (status !== 0 && status !== 1) throw new TsaError('rejected', `status ${status}`);
    if (!parts[1]) throw new TsaError('rejected', 'no token in the response');
    token = parts[1].raw;
  } catch (error) {
    if (error instanceof TsaError) throw error;
    throw new TsaError('rejected', 'unreadable response');
  }
  const signedData = parseSignedData(token);
  if (!signedData.eContent) throw new TsaError('rejected', 'the token has no TSTInfo');
  const info = parseTstInfo(signedData.eContent);
  if (hashFromOid(info.hashOid) !== hash || !Buffer.from(info.imprint).equals(imprint))
    throw new TsaError('mismatch', 'the token stamps other data');
  if (info.nonce !== nonce) throw new TsaError('mismatch', 'the token answers another request (nonce)');
  return { token, info };
}
