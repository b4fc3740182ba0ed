import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import type { TokenListing } from '../../../shared/api/signing';
import { useClient } from '../../api/ClientProvider';
import { useI18n } from '../../app/I18nProvider';
import { useErrorMessage } from '../../app/useErrorMessage';
import { cardKeys } from '../signing/sign/useCards';

/**
 * The practice card's reader, where the desk's cards are shown (the signing screen, the cards
 * page): when a scenario has pulled the card out, it says so and offers to put it back (it never
 * comes back by itself, as a real card would not). Shown only when the listing has the practice reader, so on a training desk alone. What
 * happens is said in a status region; once the card is back, the focus stays on that message.
 */
export function PracticeCardReader({ listing }: { listing: TokenListing | undefined }) {
  const { t } = useI18n();
  const errorMessage = useErrorMessage();
  const client = useClient();
  const queryClient = useQueryClient();
  const [inserted, setInserted] = useState(false);
  const statusRef = useRef<HTMLParagraphElement>(null);
  const insert = useMutation({
    mutationFn: () => client.call('training.card.insert', {}),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: cardKeys.listing });
      setInserted(true);
      statusRef.current?.focus();
    },
  });
  const reader = listing?.modules.find((module) => module.source === 'practice');
  if (!listing || !reader) return null;
  const out = !listing.cards.some((card) => card.module === reader.path);
  return (
    <div className="practice-card-reader">
      <p role="status" ref={statusRef} tabIndex={-1} className="practice-card-reader__status">
        {out ? t('training.card.out') : inserted ? t('training.card.inserted') : ''}
      </p>
      {out && (
        <button
          type="button"
          className="button button--primary"
          disabled={insert.isPending}
          onClick={() => {
            setInserted(false);
            insert.mutate();
          }}
        >
          {t('training.card.insert')}
        </button>
      )}
      {insert.error && (
        <p className="field__error" role="alert">
          {errorMessage(insert.error)}
        </p>
      )}
    </div>
  );
}
