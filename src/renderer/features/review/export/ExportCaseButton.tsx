import { useState } from 'react';
import { useSession } from '../../../api/hooks';
import { openStates, type CaseState } from '../../../../shared/domain/cases';
import { useI18n } from '../../../app/I18nProvider';
import { ExportDialog } from './ExportDialog';
import { useCaseExport } from './useCaseExport';

/**
 * "Exportar expediente (ENI)" on a closed case: the documents, their ENI metadata and the signed
 * index, as one zip. A head chooses who signs the index (their card or the office's seal); anyone
 * else exports it sealed by the office. Open cases have no such button (the office refuses them too).
 */
export function ExportCaseButton({ caseId, state }: { caseId: string; state: CaseState }) {
  const { t } = useI18n();
  const isHead = useSession().data?.user.roles.includes('head') ?? false;
  const [choosing, setChoosing] = useState(false);
  const exporter = useCaseExport(caseId);
  if (openStates.includes(state)) return null;
  return (
    <>
      <button
        type="button"
        className="button"
        title={t('eniExport.hint')}
        aria-busy={exporter.pending}
        disabled={exporter.pending}
        onClick={() => (isHead ? setChoosing(true) : void exporter.run())}
      >
        {exporter.pending && !choosing ? t('eniExport.working') : t('eniExport.button')}
      </button>
      {choosing && <ExportDialog exporter={exporter} onClose={() => setChoosing(false)} />}
    </>
  );
}
