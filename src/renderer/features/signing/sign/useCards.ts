import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { EventPayload } from '../../../../shared/api/index';
import { useClient } from '../../../api/ClientProvider';

export const cardKeys = { listing: ['tokens', 'list'] as const };

/**
 * The desk's cards and certificates, kept live: a card put in or taken out (`tokens.changed`)
 * refetches the listing while a screen shows it.
 */
export function useCards() {
  const client = useClient();
  const queryClient = useQueryClient();
  useEffect(
    () =>
      client.on('tokens.changed', () => void queryClient.invalidateQueries({ queryKey: cardKeys.listing })),
    [client, queryClient],
  );
  return useQuery({ queryKey: cardKeys.listing, queryFn: () => client.call('tokens.list', {}) });
}

export function useAddModule() {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (path: string) => client.call('tokens.addModule', { path }),
    onSuccess: (listing) => queryClient.setQueryData(cardKeys.listing, listing),
  });
}

export type SlowCard = EventPayload<'tokens.slow'>;

/** The card request that is slow to answer right now, or null ("la tarjeta tarda en responder"). */
export function useSlowCard(): SlowCard | null {
  const client = useClient();
  const [slow, setSlow] = useState<SlowCard | null>(null);
  useEffect(
    () => client.on('tokens.slow', (notice) => setSlow(notice.state === 'slow' ? notice : null)),
    [client],
  );
  return slow;
}
