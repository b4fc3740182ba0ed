import type { Handlers } from '../../shared/api/dispatch';
import { ApiError } from '../../shared/api/errors';
import { caseFileExportMaxBytes, type CaseFileExport } from '../../shared/api/exports';
import { failureOf } from '../desk/signing/failure';
import { parseCaseId } from '../office/cases/rows';
import { EniExportError } from '../office/eni-export/case-file';
import type { Store } from '../office/store/open-store';
import { exportCaseFile, type EniExport } from './eni-export';
import type { IndexCardOpener } from './eni-export-card';
import type { OfficeSeal } from './office-seal';

export interface EniExportDependencies {
  store: Pick<Store, 'db' | 'documentsDir'>;
  /** The office's seal, for an export nobody signs with a card. */
  seal: OfficeSeal;
  /** The desk's cards, where it has a reader: a head signs the index with their own. */
  card: IndexCardOpener | null;
  now?: () => Date;
  /** The largest zip handed over (base64 in one answer). */
  maxBytes?: number;
}

function apiErrorOf(error: EniExportError): ApiError {
  const { refusal } = error;
  switch (refusal.reason) {
    case 'not_found':
      return new ApiError('not_found');
    case 'open':
      return new ApiError('export_case_open');
    case 'tampered':
      return new ApiError('export_document_changed', { document: refusal.document });
  }
}

/**
 * `exports.caseFile`: the ENI export of one of the department's closed cases, as base64 for the
 * renderer to save. Another department's case is `not_found`; a zip past the cap is refused.
 */
export function eniExportHandlers({
  store,
  seal,
  card,
  now = () => new Date(),
  maxBytes = caseFileExportMaxBytes,
}: EniExportDependencies): Pick<Handlers, 'exports.caseFile'> {
  return {
    'exports.caseFile': async ({ caseId, card: key }, { actor }) => {
      const id = parseCaseId(caseId);
      if (id === null) throw new ApiError('not_found');
      if (key && !card) throw new ApiError('desk_only');
      const at = now();
      let built: EniExport;
      try {
        built = await exportCaseFile({
          store,
          which: { id, departmentId: actor.departmentId },
          openSigner: key && card ? () => card.open(actor, key, at) : () => seal(at),
          signedWith: key ? 'card' : 'seal',
          now: at,
          actorId: actor.id,
        });
      } catch (error) {
        if (error instanceof EniExportError) throw apiErrorOf(error);
        // The card's own word (a wrong PIN, the card removed, a certificate unfit to sign) goes back
        // for the PIN dialog to tell; nothing was exported.
        const failure = key && !(error instanceof ApiError) ? failureOf(error) : null;
        if (failure && failure.kind !== 'internal') return { failure };
        throw error;
      }
      if (built.zip.length > maxBytes)
        throw new ApiError('export_too_large', { limit: Math.floor(maxBytes / (1024 * 1024)) });
      return {
        fileName: `${built.caseNumber}_ENI.zip`,
        size: built.zip.length,
        base64: Buffer.from(built.zip).toString('base64'),
        signedWith: built.signedWith,
      } satisfies CaseFileExport;
    },
  };
}
