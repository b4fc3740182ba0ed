import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { BookSearch } from '../../../shared/api/book';
import { useClient } from '../../api/ClientProvider';

/** Every book query starts with 'book'. */
export const bookKeys = {
  years: ['book', 'years'] as const,
  search: (input: BookSearch) => ['book', 'search', input] as const,
};

export function useBookYears() {
  const client = useClient();
  return useQuery({ queryKey: bookKeys.years, queryFn: () => client.call('book.years', {}) });
}

/** One page of the book; the previous page stays on screen while the next one loads. */
export function useBookSearch(input: BookSearch | null) {
  const client = useClient();
  return useQuery({
    queryKey: bookKeys.search(input ?? { year: 0 }),
    queryFn: () => client.call('book.search', input!),
    enabled: input !== null,
    placeholderData: keepPreviousData,
  });
}
