import type { Kysely } from 'kysely';
import type { Handlers } from '../../../shared/api/dispatch';
import { ApiError } from '../../../shared/api/errors';
import type { OfficeSchema } from '../store/schema';
import { bookScopeOf, bookYears, searchBook, toBookEntry } from './entries';
import { bookYear } from './reservations';

type BookCallName = Extract<keyof Handlers, `book.${string}`>;

export interface BookDependencies {
  db: Kysely<OfficeSchema>;
  now: () => Date;
}

/** Who may read the book is the contract's rule; which entries (the department's or all) is here. */
export function bookHandlers({ db, now }: BookDependencies): Pick<Handlers, BookCallName> {
  return {
    'book.years': async (_input, { actor }) => {
      const at = now();
      return { years: await bookYears(db, at), current: bookYear(at), scope: bookScopeOf(actor).kind };
    },
    'book.search': async (input, { actor }) => {
      if (input.from && input.to && input.from > input.to)
        throw new ApiError('invalid_input', { field: 'to' });
      const page = await searchBook(db, bookScopeOf(actor), input);
      return { total: page.total, entries: page.records.map(toBookEntry) };
    },
  };
}
