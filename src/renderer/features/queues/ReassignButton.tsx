import { useState } from 'react';
import type { CaseRow } from '../../../shared/api/index';
import { useI18n } from '../../app/I18nProvider';
import { ReassignDialog } from './ReassignDialog';

/**
 * "Reassign" on an open case, for whom the office lets hand it on: the department's head (who
 * reviews, `canClaim` false) any case, a processor the one they hold.
 */
export function ReassignButton({
  row,
  userId,
  canClaim,
}: {
  row: CaseRow;
  userId: string;
  canClaim: boolean;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  if (row.closedAt || (canClaim && row.assigneeId !== userId)) return null;
  return (
    <>
      <button type="button" className="button" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        {t('reassign.open')}
      </button>
      {open && <ReassignDialog row={row} onClose={() => setOpen(false)} />}
    </>
  );
}
