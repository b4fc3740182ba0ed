import { useQuery } from '@tanstack/react-query';
import type { CaseDocument } from '../../shared/api/index';
import { useClient } from './ClientProvider';
import { queryKeys } from './query-keys';

/**
 * Under the case's keys, so signing out forgets them and a reconnection refetches them; keyed by
 * the document's hash too, since what is verified is those bytes (the same bytes verify the same).
 */
export const documentKeys = {
  signatures: (caseId: string, document: Pick<CaseDocument, 'id' | 'sha256'>) =>
    [...queryKeys.cases, 'documentSignatures', caseId, document.id, document.sha256] as const,
};

/** The verifier's word on a document's signatures, fetched once the panel is opened. */
export function useDocumentSignatures(
  caseId: string,
  document: Pick<CaseDocument, 'id' | 'sha256'>,
  enabled: boolean,
) {
  const client = useClient();
  return useQuery({
    queryKey: documentKeys.signatures(caseId, document),
    queryFn: () => client.call('documents.signatures', { caseId, documentId: document.id }),
    enabled,
    staleTime: Infinity,
  });
}
