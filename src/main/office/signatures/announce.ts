import { signaturesAudiences } from '../../../shared/api/signatures';
import type { EventBus } from '../../events';
import type { ChangeFeed } from '../change-feed';
import type { SignatureNews } from './progress';

/**
 * Tells the desks concerned: `signatures.changed` to each signer (and whoever substitutes them
 * today) and to the department's processors; and `cases.changed`, since the case page shows its
 * requests (it also reaches the other office instances of a server, through the change feed).
 */
export function announcer(events: EventBus, changes: ChangeFeed): (news: readonly SignatureNews[]) => void {
  return (news) => {
    for (const item of news) {
      const payload = {
        requestIds: [String(item.requestId)],
        caseId: String(item.caseId),
        departmentId: item.departmentId,
        kind: item.kind,
      };
      for (const audience of signaturesAudiences(item.departmentId, item.concerned))
        events.emit('signatures.changed', payload, audience);
      changes.announce({ caseIds: [payload.caseId], departmentId: item.departmentId, kind: 'updated' });
    }
  };
}
