import type { CaseDocument } from '../../../shared/api/index';
import { useI18n } from '../../app/I18nProvider';
import { formatBytes, formatInstant, shortHash } from '../../ui/format';
import { eniCodeKey, originKey } from './eni';

export function DocumentsTable({ documents }: { documents: readonly CaseDocument[] }) {
  const { t, tDynamic, intl } = useI18n();
  if (documents.length === 0) return <p className="empty">{t('case.documents.none')}</p>;
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
          </tr>
        </thead>
        <tbody>
          {documents.map((document) => (
            <tr key={document.id}>
              <th scope="row">
                {document.title}
                <span className="data-table__sub">{document.eniId}</span>
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
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
