import { useId, useState } from 'react';
import { noteMaxLength } from '../../../../shared/api/casework';
import { useI18n } from '../../../app/I18nProvider';
import { formatInstant } from '../../../ui/format';
import { useToasts } from '../../../ui/Toasts';
import { useAddNote, useNotes } from './api';
import { useCaseworkError } from './useCaseworkError';

/** The id of the note field: the `n` shortcut brings the cursor to it. */
export const noteFieldId = 'casework-note-field';

/**
 * The case's internal notes, oldest first, and a field to add one (several lines allowed). A note
 * that fails to save stays in the field.
 */
export function CaseNotes({ caseId }: { caseId: string }) {
  const { t, intl } = useI18n();
  const notes = useNotes(caseId);
  const add = useAddNote();
  const { notify } = useToasts();
  const errorText = useCaseworkError();
  const titleId = useId();
  const [body, setBody] = useState('');
  const [blank, setBlank] = useState(false);

  return (
    <section aria-labelledby={titleId} className="casework-notes" data-tour="case.notes">
      <h2 id={titleId}>{t('casework.notes.title')}</h2>
      <p className="hint">{t('casework.notes.hint')}</p>
      {notes.isError && <p role="alert">{errorText(notes.error)}</p>}
      {notes.data && notes.data.length === 0 && <p className="empty">{t('casework.notes.none')}</p>}
      {notes.data && notes.data.length > 0 && (
        <ol className="casework-notes__list">
          {notes.data.map((note) => (
            <li key={note.id} className="casework-note">
              <p className="casework-note__byline">
                {t('casework.notes.byline', {
                  name: note.author.name,
                  when: formatInstant(note.createdAt, intl),
                })}
              </p>
              <p className="casework-note__body">{note.body}</p>
            </li>
          ))}
        </ol>
      )}
      <form
        className="casework-notes__form"
        onSubmit={(event) => {
          event.preventDefault();
          if (body.trim() === '') return setBlank(true);
          add.mutate(
            { caseId, body },
            {
              onSuccess: () => {
                setBody('');
                notify(t('casework.notes.added'));
              },
              onError: (error) => notify(errorText(error), 'error'),
            },
          );
        }}
      >
        <div className="field">
          <label htmlFor={noteFieldId}>{t('casework.notes.label')}</label>
          <textarea
            id={noteFieldId}
            data-tour="case-notes.text"
            rows={3}
            maxLength={noteMaxLength}
            value={body}
            aria-keyshortcuts="N"
            aria-invalid={blank}
            aria-describedby={`${titleId}-counter${blank ? ` ${titleId}-blank` : ''}`}
            onChange={(event) => {
              setBody(event.target.value);
              setBlank(false);
            }}
          />
          <span id={`${titleId}-counter`} className="hint">
            {t('casework.notes.counter', { count: body.length, max: noteMaxLength })}
          </span>
          {blank && (
            <p id={`${titleId}-blank`} className="field__error" role="alert">
              {t('casework.notes.empty')}
            </p>
          )}
        </div>
        <button type="submit" className="button" data-tour="case-notes.add" disabled={add.isPending}>
          {t('casework.notes.add')}
        </button>
      </form>
    </section>
  );
}
