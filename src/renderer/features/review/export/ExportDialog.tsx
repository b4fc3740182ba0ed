import { RadioChoices } from '../../../ui/RadioChoices';
import { useState } from 'react';
import { useI18n } from '../../../app/I18nProvider';
import { canSign, choicesOf } from '../../signing/sign/cardChoice';
import { CardSignDialog } from '../../signing/sign/CardSignDialog';
import { useCards } from '../../signing/sign/useCards';
import type { CaseExporter } from './useCaseExport';

type IndexSigner = 'card' | 'seal';

/** A head's export: who signs the index, their card (a certificate on it, then its PIN) or the office's seal. */
export function ExportDialog({ exporter, onClose }: { exporter: CaseExporter; onClose: () => void }) {
  const { t } = useI18n();
  const cards = useCards();
  const [chosen, setChosen] = useState<IndexSigner | null>(null);
  const signer: IndexSigner = chosen ?? (choicesOf(cards.data).some(canSign) ? 'card' : 'seal');
  return (
    <CardSignDialog
      title={t('eniExport.dialog.title')}
      description={t('eniExport.dialog.description')}
      submitLabel={t('eniExport.export')}
      pending={exporter.pending}
      pendingLabel={t('eniExport.working')}
      withCard={signer === 'card'}
      onSign={(key) => exporter.run(key)}
      onSubmitWithoutCard={async () => {
        await exporter.run();
      }}
      failureMessage={(reason) => t('eniExport.failed', { reason })}
      onClose={onClose}
    >
      <fieldset className="casework-choice">
        <legend>{t('eniExport.signer.legend')}</legend>
        <RadioChoices
          name="eni-index-signer"
          options={['card', 'seal'] as const}
          value={signer}
          onChange={setChosen}
          label={(option) => t(`eniExport.signer.${option}`)}
        />
      </fieldset>
    </CardSignDialog>
  );
}
