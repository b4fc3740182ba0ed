import { useId, useState, type FormEvent } from 'react';
import { maxReplyAttachmentBytes, type Amendment } from '../../../../shared/api/index';
import { useI18n } from '../../../app/I18nProvider';
import { useErrorMessage } from '../../../app/useErrorMessage';
import { ModalDialog } from '../../../ui/ModalDialog';
import { FormActions } from '../../../ui/FormActions';
import { useAmendmentChange } from './useAmendments';

/** 'YYYY-MM-DDTHH:mm' of this machine's clock, what a datetime-local field shows. */
const localNow = (): string => {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};

async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let start = 0; start < bytes.length; start += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  return btoa(binary);
}

/**
 * The applicant's reply: when it entered the registry and its PDFs. The office checks each file
 * (a PDF, within the size) and judges the filing by art. 31.2.b; one bad file refuses the whole
 * reply, so nothing is half-registered.
 */
export function ReplyDialog({
  caseId,
  version,
  amendment,
  onDone,
  onCancel,
}: {
  caseId: string;
  version: number;
  amendment: Amendment;
  onDone: (late: boolean) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const errorMessage = useErrorMessage();
  const id = useId();
  const [receivedAt, setReceivedAt] = useState(localNow);
  const [files, setFiles] = useState<File[]>([]);
  const [noFiles, setNoFiles] = useState(false);
  const reply = useAmendmentChange('amendments.registerReply', caseId);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (files.length === 0) {
      setNoFiles(true);
      return;
    }
    const attachments = await Promise.all(
      files.map(async (file) => ({ name: file.name, contentBase64: await base64Of(file) })),
    );
    reply.mutate(
      {
        caseId,
        version,
        amendmentId: amendment.id,
        receivedAt: new Date(receivedAt).toISOString(),
        attachments,
      },
      {
        onSuccess: (result) =>
          onDone(result.amendments.find((entry) => entry.id === amendment.id)?.reply?.late ?? false),
      },
    );
  };

  return (
    <ModalDialog title={t('amendments.reply.title')} onClose={onCancel}>
      <form onSubmit={(event) => void submit(event)}>
        <div className="field">
          <label htmlFor={`${id}-at`}>{t('amendments.reply.receivedAt')}</label>
          <input
            id={`${id}-at`}
            data-tour="amendment-reply.received-at"
            type="datetime-local"
            required
            value={receivedAt}
            onChange={(event) => setReceivedAt(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-files`}>
            {t('amendments.reply.files', { max: maxReplyAttachmentBytes / 1024 })}
          </label>
          <input
            id={`${id}-files`}
            type="file"
            accept="application/pdf,.pdf"
            multiple
            aria-describedby={noFiles ? `${id}-no-files` : undefined}
            onChange={(event) => {
              setFiles([...(event.target.files ?? [])]);
              setNoFiles(false);
            }}
          />
          {noFiles && (
            <p className="field__error" id={`${id}-no-files`} role="alert">
              {t('amendments.reply.noFiles')}
            </p>
          )}
        </div>
        <FormActions
          error={reply.isError ? errorMessage(reply.error) : null}
          cancel={{ label: t('amendments.cancel'), onCancel: onCancel }}
          cancelPlacement="first"
        >
          <button
            type="submit"
            className="button button--primary"
            data-tour="amendment-reply.submit"
            disabled={reply.isPending}
          >
            {t('amendments.reply.submit')}
          </button>
        </FormActions>
      </form>
    </ModalDialog>
  );
}
