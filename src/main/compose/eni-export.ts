import { signDetachedCades } from '../desk/crypto/cms/cades-detached';
import { signerOf } from '../desk/signing/signer';
import type { SigningSession } from '../desk/signing-session';
import { recordCaseExport } from '../office/eni-export/audit';
import { loadClosedCaseFile, type CaseSelector } from '../office/eni-export/case-file';
import { eniExportParts, zipEniExport } from '../office/eni-export/package';
import { DocumentContents, sha256Hex } from '../office/signatures/document-contents';
import type { Store } from '../office/store/open-store';

export interface EniExportRequest {
  store: Pick<Store, 'db' | 'documentsDir'>;
  which: CaseSelector;
  /**
   * Who signs the index: the office's seal, or the head's card, opened only once the case file
   * passed its checks (a refused export asks no PIN) and closed as soon as the index is signed.
   */
  openSigner: () => Promise<SigningSession>;
  signedWith: IndexSigner;
  /** The index's date and the signature's signing-time. */
  now: Date;
  /** Who exports it, for the case's history: a desk's user, or null for the command line. */
  actorId: string | null;
}

export type IndexSigner = 'seal' | 'card';

export interface EniExport {
  caseNumber: string;
  signedWith: IndexSigner;
  documents: number;
  zip: Uint8Array;
}

/**
 * A closed case as an ENI export (docs/eni-export.md): the office gathers the case and checks
 * every document's bytes against its recorded SHA-256 and writes the XML; the desk's CMS code
 * signs the index (CAdES detached); the zip holds them all. The case's history records the export.
 */
export async function exportCaseFile(request: EniExportRequest): Promise<EniExport> {
  const caseFile = await loadClosedCaseFile(
    request.store.db,
    new DocumentContents(request.store.documentsDir),
    request.which,
  );
  const parts = eniExportParts(caseFile, request.now);
  const session = await request.openSigner();
  let signature: Uint8Array;
  try {
    const { certificates } = await signerOf(session);
    signature = await signDetachedCades({
      content: parts.index,
      session,
      certificates,
      signingTime: request.now,
    });
  } finally {
    await session.close();
  }
  const zip = zipEniExport(parts, signature, request.now);
  await recordCaseExport(request.store.db, {
    at: request.now,
    actorId: request.actorId,
    caseId: caseFile.id,
    documents: caseFile.documents.length,
    indexSha256: sha256Hex(parts.index),
    signedWith: request.signedWith,
  });
  return {
    caseNumber: caseFile.number,
    signedWith: request.signedWith,
    documents: caseFile.documents.length,
    zip,
  };
}
