/** The signer of a new signature, as the certificate that made it says. */
export interface CertifiedSigner {
  name: string;
  /** Unmasked; masked wherever it is shown. Null when the certificate carries none. */
  nif: string | null;
  /** The certificate's issuer (`C=ES, O=…, CN=…`) and serial number (hex). */
  issuer: string;
  serial: string;
  /** 'trusted': up to a trusted root; 'training': up to the demo office's practice CA. */
  chain: 'trusted' | 'training';
}

export type SignerCheckOutcome =
  | { verified: true; signer: CertifiedSigner }
  /** 'invalid': the signature does not verify; 'untrusted': its certificate chains to no root this office accepts. */
  | { verified: false; problem: 'invalid' | 'untrusted' };

/**
 * Verifies the signature a signed file's field holds and says who made it. The office cannot read a
 * signature (the CMS, certificate and path libraries are the desk's): the composition, where office
 * and desk meet, provides this, and chooses which roots it accepts (practice cards only on demo desks).
 */
export interface SignerCheck {
  check(signedPdf: Uint8Array, fieldName: string): Promise<SignerCheckOutcome>;
}
