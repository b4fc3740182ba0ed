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
 * `documents.contentRanges`: the office says whether the actor reads the document (once per
 * call); the store lends the ranges of its bytes, all in one read. An offset past the end is a
 * caller's mistake, not an empty answer.
 */
export function documentContentHandlers({
  store,
}: DocumentContentDependencies): Pick<Handlers, 'documents.contentRanges'> {
  const read = contentRanges(store);
  return {
    'documents.contentRanges': async ({ caseId, documentId, ranges }, { actor }) => {
      const document = await readableDocument(store.db, actor, caseId, documentId);
      const found = await read(document.sha256, ranges);
      if (found === null) return { state: 'missing' } satisfies DocumentContentRanges;
      if (ranges.some(({ offset }) => offset > found.size))
        throw new ApiError('invalid_input', { field: 'ranges' });
      return {
        state: 'available',
        size: found.size,
        sha256: document.sha256,
        base64: found.parts.map(base64),
      } satisfies DocumentContentRanges;
    },
  };
}
