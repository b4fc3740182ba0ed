import type { Handlers } from '../../shared/api/dispatch';
import type { DocumentContentRanges } from '../../shared/api/documents';
import { ApiError } from '../../shared/api/errors';
import { readableDocument } from '../office/cases/documents';
import { contentRanges } from '../office/store/content-ranges';
import type { Store } from '../office/store/open-store';

export interface DocumentContentDependencies {
  /** The office's store: the document's department rule and its bytes. */
  store: Pick<Store, 'db' | 'documentsDir'>;
}

const base64 = (bytes: Uint8Array) =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');

/**
 * `documents.contentRanges`: the office says whether the actor reads the
 * document (once per call); the store lends the ranges of its bytes. An offset past the end is a
 * caller's mistake, not an empty answer.
 */
export function documentContentHandlers({
  store,
}: DocumentContentDependencies): Pick<Handlers, 'documents.contentRanges'> {
  const ranges = contentRanges(store);
  return {
    'documents.contentRanges': async ({ caseId, documentId, ranges: wanted }, { actor }) => {
      const document = await readableDocument(store.db, actor, caseId, documentId);
      const parts: string[] = [];
      let size = 0;
      // One after the other: a few hundred small reads of one file, never hundreds of files open at once.
      for (const { offset, length } of wanted) {
        const range = await ranges(document.sha256, offset, length);
        if (range === null || (parts.length > 0 && range.size !== size))
          return { state: 'missing' } satisfies DocumentContentRanges;
        if (offset > range.size) throw new ApiError('invalid_input', { field: 'ranges' });
        size = range.size;
        parts.push(base64(range.bytes));
      }
      return {
        state: 'available',
        size,
        sha256: document.sha256,
        base64: parts,
      } satisfies DocumentContentRanges;
    },
  };
}
