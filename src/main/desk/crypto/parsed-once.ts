/**
 * A parser of certificates remembered by their DER: a batch meets the same few certificates (the
 * signer's, its chain, the trust store's) at every signature and every verification, and PKI.js
 * parses each in about a millisecond. What it returns is shared: its users only read it.
 */
export function parsedOnce<T>(parse: (der: Uint8Array) => T, limit = 256): (der: Uint8Array) => T {
  const known = new Map<string, T>();
  return (der) => {
    const key = Buffer.from(der.buffer, der.byteOffset, der.byteLength).toString('base64');
    let value = known.get(key);
    if (value === undefined) {
      value = parse(der);
      // Bounded: a desk verifying documents from everywhere must not keep every certificate it saw.
      if (known.size >= limit) known.clear();
      known.set(key, value);
    }
    return value;
  };
}
