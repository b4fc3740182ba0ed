import { useMemo } from 'react';
import { documentContentMaxLength, documentRangesMaxCount } from '../../../shared/api/documents';
import { useClient } from '../../api/ClientProvider';
import { useI18n } from '../../app/I18nProvider';
import { ModalDialog } from '../ModalDialog';
import { decodeBase64 } from './base64';
import { PdfViewer } from './PdfViewer';
import { batchedReader, type RangeReader } from './range-source';

/** A case's document read through `documents.contentRanges`, the ranges asked for together. */
export function useCaseDocumentRanges(caseId: string, documentId: string): RangeReader {
  const client = useClient();
  return useMemo<RangeReader>(
    () =>
      batchedReader(
        async (ranges) => {
          const answer = await client.call('documents.contentRanges', {
            caseId,
            documentId,
            ranges: [...ranges],
          });
          return answer.state === 'missing'
            ? answer
            : { state: 'available', size: answer.size, parts: answer.base64.map(decodeBase64) };
        },
        documentContentMaxLength,
        documentRangesMaxCount,
      ),
    [client, caseId, documentId],
  );
}

/** A case's document in the viewer, inline (the signing tray) or over the case page. */
export function CaseDocumentViewer({
  caseId,
  documentId,
  title,
  inline = false,
}: {
  caseId: string;
  documentId: string;
  title: string;
  inline?: boolean;
}) {
  const read = useCaseDocumentRanges(caseId, documentId);
  const viewer = (
    <PdfViewer read={read} maxCallLength={documentContentMaxLength} title={title} autoFocus={!inline} />
  );
  return inline ? <div className="pdf-viewer--inline">{viewer}</div> : viewer;
}

/** The viewer as a dialog over the case page: Escape or the close button return to the table. */
export function CaseDocumentDialog({
  caseId,
  document,
  onClose,
}: {
  caseId: string;
  document: { id: string; title: string };
  onClose: () => void;
}) {
  const { t } = useI18n();
  return (
    <ModalDialog title={document.title} onClose={onClose} className="pdf-viewer-dialog">
      <div className="pdf-viewer-dialog__close">
        <button type="button" className="button" onClick={onClose}>
          {t('pdfViewer.close')}
        </button>
      </div>
      <CaseDocumentViewer caseId={caseId} documentId={document.id} title={document.title} />
    </ModalDialog>
  );
}
