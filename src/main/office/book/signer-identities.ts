/** Who signed a document, as their certificate says (the first signature: the one that numbered it). */
export interface SignerIdentity {
  name: string;
  /** The unmasked NIF; masked before it leaves the office. Null when the certificate carries none. */
  nif: string | null;
}

/**
 * Reads the signers of stored signed documents by their SHA-256. The office cannot read a
 * signature (the CMS and certificate libraries are the desk's), so the composition, where office
 * and desk meet, provides this; without it the book shows the signer's name but no NIF.
 */
export interface SignerIdentities {
  of(documentSha256s: readonly string[]): Promise<Map<string, SignerIdentity>>;
}
