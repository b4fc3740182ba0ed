import { zipSync, type Zippable } from 'fflate';
import type { ClosedCaseFile } from './case-file';
import { caseIndexXml, documentXml, exportLayout } from './eni-xml';

/** Everything the export writes but the index's signature, by path inside the zip. */
export interface EniExportParts {
  /** index.xml: what the office's seal (or the head's card) signs, byte for byte. */
  index: Uint8Array;
  /** The documents and each one's ENI document XML. */
  files: ReadonlyMap<string, Uint8Array>;
}

export function eniExportParts(caseFile: ClosedCaseFile, indexedAt: Date): EniExportParts {
  const files = new Map<string, Uint8Array>();
  for (const document of caseFile.documents) {
    files.set(exportLayout.document(document), document.bytes);
    files.set(exportLayout.metadata(document), documentXml(caseFile, document));
  }
  return { index: caseIndexXml(caseFile, indexedAt), files };
}

/**
 * The zip: index.xml, its detached CAdES index.xml.p7s, documents/ and metadata/. Documents are
 * stored as they are (PDFs gain nothing from deflate), the XML deflated; every entry is dated
 * at the index's date so the same export gives the same zip.
 */
export function zipEniExport(parts: EniExportParts, indexSignature: Uint8Array, indexedAt: Date): Uint8Array {
  const stored = { level: 0 as const, mtime: indexedAt };
  const deflated = { level: 6 as const, mtime: indexedAt };
  const entries: Zippable = {
    [exportLayout.index]: [parts.index, deflated],
    [exportLayout.indexSignature]: [indexSignature, stored],
  };
  for (const [path, bytes] of parts.files) entries[path] = [bytes, path.endsWith('.xml') ? deflated : stored];
  return zipSync(entries);
}
