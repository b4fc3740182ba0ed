import { X509Certificate } from 'node:crypto';
import type {
  Card,
  CardCertificate,
  CardProblem,
  CertificateProblem,
  Pkcs11Module,
  TokenListing,
} from '../../shared/api/signing';
import { failureOf } from '../desk/signing/failure';
import {
  identityOf,
  keyAlgorithmOf,
  type TokenCertificate,
  type TokenService,
  type TokenSummary,
} from '../desk/tokens/token-service';

export type ModuleSource = Pkcs11Module['source'];

/** Why a certificate cannot sign a resolution: the same rules the signing service applies. */
export function certificateProblems(certificate: TokenCertificate, now: Date): CertificateProblem[] {
  const problems: CertificateProblem[] = [];
  if (!certificate.keyUsage?.includes('nonRepudiation')) problems.push('noNonRepudiation');
  if (now > certificate.notAfter) problems.push('expired');
  if (now < certificate.notBefore) problems.push('notYetValid');
  try {
    keyAlgorithmOf(new X509Certificate(certificate.der));
  } catch {
    problems.push('keyUnsupported');
  }
  return problems;
}

function cardProblems(token: TokenSummary): CardProblem[] {
  const problems: CardProblem[] = [];
  if (token.pin === 'locked') problems.push('pinLocked');
  if (token.pin === 'notInitialized') problems.push('pinNotInitialized');
  if (token.pinPad) problems.push('pinPad');
  return problems;
}

const certificateOf = (certificate: TokenCertificate, now: Date): CardCertificate => ({
  id: certificate.id,
  label: certificate.label,
  holder: certificate.holder,
  issuer: certificate.issuer,
  serialHex: certificate.serialHex,
  notBefore: certificate.notBefore.toISOString(),
  notAfter: certificate.notAfter.toISOString(),
  keyUsage: certificate.keyUsage,
  keyType: certificate.keyType,
  problems: certificateProblems(certificate, now),
});

/**
 * Every module with where it came from, every card in them and each card's certificates, saying
 * why a card or a certificate cannot sign. A card whose certificates cannot be read (pulled out
 * meanwhile) is still listed, with that failure; a driver that cannot be asked at all is the
 * listing's failure.
 */
export async function listCards(
  tokens: Pick<TokenService, 'listTokens' | 'listCertificates'>,
  modules: readonly { path: string; source: ModuleSource }[],
  now: Date,
): Promise<TokenListing> {
  const sourceOf = new Map(modules.map((module) => [module.path, module.source]));
  let list;
  try {
    list = await tokens.listTokens(modules.map((module) => module.path));
  } catch (error) {
    return { modules: [], cards: [], failure: failureOf(error) };
  }
  const cards: Card[] = [];
  for (const token of list.tokens) {
    let certificates: CardCertificate[] = [];
    let certificatesFailure = null;
    try {
      certificates = (await tokens.listCertificates(token)).map((certificate) =>
        certificateOf(certificate, now),
      );
    } catch (error) {
      certificatesFailure = failureOf(error);
    }
    cards.push({
      ...identityOf(token),
      pin: token.pin,
      problems: cardProblems(token),
      certificates,
      certificatesFailure,
    });
  }
  return {
    modules: list.modules.map((module) => ({ ...module, source: sourceOf.get(module.path) ?? 'settings' })),
    cards,
    failure: null,
  };
}
