import type { ChangeFeed } from '../change-feed';
import type { SignatureNews } from './progress';

/**
 * Tells the desks concerned, on this office instance and (through the change feed) every other one
 * of a server: `signatures.changed` to each signer (and whoever substitutes them today) and to the
 * department's processors; and `cases.changed`, since the case page shows its requests.
 */
export function announcer(changes: ChangeFeed): (news: readonly SignatureNews[]) => void {
  return (news) => {
    for (const item of news) {
      const payload = {
        requestIds: [String(item.requestId)],
        caseId: String(item.caseId),
        departmentId: item.departmentId,
        kind: item.kind,
      };
      changes.announceSignatures({ payload, concerned: item.concerned });
      changes.announce({ caseIds: [payload.caseId], departmentId: item.departmentId, kind: 'updated' });
    }
  };
}
