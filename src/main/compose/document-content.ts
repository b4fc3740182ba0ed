import type { Handlers } from '../../shared/api/dispatch';
import type { DocumentContent } from '../../shared/api/documents';
import { ApiError } from '../../shared/api/errors';
import { readableDocument } from '../office/cases/documents';
import { contentRanges } from '../office/store/content-ranges';
import type { Store } from '../office/store/open-store';

export interface DocumentContentDependencies {
  /** The office's store: the document's department rule and its bytes. */
  store: Pick<Store, 'db' | 'documentsDir'>;
}

/**
 * `documents.content`: the office says whether the actor reads the document; the store lends one
 * range of its bytes. An offset past the end is a caller's mistake, not an empty answer.
 */
export function documentContentHandlers({
  store,
}: DocumentContentDependencies): Pick<Handlers, 'documents.content'> {
  const ranges = contentRanges(store);
  return {
    'documents.content': async ({ caseId, documentId, offset, length }, { actor }) => {
      const document = await readableDocument(store.db, actor, caseId, documentId);
      const range = await ranges(document.sha256, offset, length);
      if (range === null) return { state: 'missing' } satisfies DocumentContent;
      if (offset > range.size) throw new ApiError('invalid_input', { field: 'offset' });
      return {
        state: 'available',
        size: range.size,
        sha256: document.sha256,
        offset,
        base64: Buffer.from(range.bytes).toString('base64'),
      } satisfies DocumentContent;
    },
  };
}
