import { Fragment, Suspense, useEffect, useState } from 'react';
import type { CaseDocument } from '../../../shared/api/index';
import { documentTitle } from '../../../shared/i18n/catalogue-names';
import { useI18n } from '../../app/I18nProvider';
import { formatBytes, formatInstant, shortHash } from '../../ui/format';
import { LazyCaseDocumentDialog, preloadViewer } from '../../ui/pdf-viewer/lazy';
import { eniCodeKey, originKey } from './eni';
import { SignaturesPanel } from './SignaturesPanel';

const columns = 9;

/** Opens and closes a document's signatures panel (a disclosure: Enter or Space, like any button). */
function SignaturesToggle({
  document,
  open,
  panelId,
  onToggle,
}: {
  document: CaseDocument;
  open: boolean;
  panelId: string;
  onToggle: () => void;
}) {
  const { t } = useI18n();
  return (
    <button
      type="button"
      className="button button--quiet"
      aria-expanded={open}
      aria-controls={open ? panelId : undefined}
      onClick={onToggle}
    >
      {t(open ? 'documentSignatures.hide' : 'documentSignatures.show')}
      <span className="visually-hidden">
        {' '}
        {t('documentSignatures.ofDocument', { title: document.title })}
      </span>
    </button>
  );
}

export function DocumentsTable({
  caseId,
  documents,
}: {
  caseId: string;
  documents: readonly CaseDocument[];
}) {
  const { t, tDynamic, intl, locale } = useI18n();
  const [opened, setOpened] = useState<ReadonlySet<string>>(new Set());
  const [viewing, setViewing] = useState<CaseDocument | null>(null);
  const hasDocuments = documents.length > 0;
  useEffect(() => {
    if (!hasDocuments) return;
    // The viewer is ready while the table is read, not loaded after "Abrir".
    const idle = requestIdleCallback(preloadViewer);
    return () => cancelIdleCallback(idle);
  }, [hasDocuments]);
  const toggle = (documentId: string) =>
    setOpened((current) => {
      const next = new Set(current);
      if (!next.delete(documentId)) next.add(documentId);
      return next;
    });
  if (documents.length === 0) return <p className="empty">{t('case.documents.none')}</p>;
  const shown = documents.map((document) => ({ ...document, title: documentTitle(document.title, locale) }));
  return (
    <div className="table-scroll">
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t('case.doc.title')}</th>
            <th scope="col">{t('case.doc.type')}</th>
            <th scope="col">{t('case.doc.origin')}</th>
            <th scope="col">{t('case.doc.elaboration')}</th>
            <th scope="col">{t('case.doc.format')}</th>
            <th scope="col">{t('case.doc.captured')}</th>
            <th scope="col">{t('case.doc.size')}</th>
            <th scope="col">{t('case.doc.hash')}</th>
            <th scope="col">{t('documentSignatures.column')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((document) => {
            const open = opened.has(document.id);
            const panelId = `document-signatures-${document.id}`;
            return (
              <Fragment key={document.id}>
                <tr>
                  <th scope="row">
                    {document.title}
                    <span className="data-table__sub">{document.eniId}</span>
                    <button
                      type="button"
                      className="button button--quiet"
                      onClick={() => setViewing(document)}
                    >
                      {t('pdfViewer.open')}
                      <span className="visually-hidden">
                        {' '}
                        {t('pdfViewer.ofDocument', { title: document.title })}
                      </span>
                    </button>
                  </th>
                  <td>
                    <span className="code">{document.documentType}</span>{' '}
                    {tDynamic(eniCodeKey(document.documentType), 'eni.unknown', {
                      code: document.documentType,
                    })}
                  </td>
                  <td>{t(originKey(document.origin))}</td>
                  <td>
                    <span className="code">{document.elaborationState}</span>{' '}
                    {tDynamic(eniCodeKey(document.elaborationState), 'eni.unknown', {
                      code: document.elaborationState,
                    })}
                  </td>
                  <td>{document.format}</td>
                  <td>{formatInstant(document.capturedAt, intl)}</td>
                  <td className="numeric">{formatBytes(document.size, intl)}</td>
                  <td>
                    <code
                      className="hash"
                      title={t('case.doc.hashFull', { hash: document.sha256 })}
                      aria-label={t('case.doc.hashFull', { hash: document.sha256 })}
                    >
                      {shortHash(document.sha256)}
                    </code>
                  </td>
                  <td>
                    <SignaturesToggle
                      document={document}
                      open={open}
                      panelId={panelId}
                      onToggle={() => toggle(document.id)}
                    />
                  </td>
                </tr>
                {open && (
                  <tr className="documents-table__signatures">
                    <td colSpan={columns}>
                      <SignaturesPanel id={panelId} caseId={caseId} document={document} />
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
      {viewing && (
        <Suspense fallback={null}>
          <LazyCaseDocumentDialog caseId={caseId} document={viewing} onClose={() => setViewing(null)} />
        </Suspense>
      )}
    </div>
  );
}
