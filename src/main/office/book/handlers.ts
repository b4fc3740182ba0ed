import type { Kysely } from 'kysely';
import type { Handlers } from '../../../shared/api/dispatch';
import { ApiError } from '../../../shared/api/errors';
import type { OfficeSchema } from '../store/schema';
import { bookScopeOf, bookYears, searchBook, toBookEntries } from './entries';
import { bookYear } from './reservations';
import type { SignerIdentities } from './signer-identities';

type BookCallName = Extract<keyof Handlers, `book.${string}`>;

export interface BookDependencies {
  db: Kysely<OfficeSchema>;
  now: () => Date;
  /** Reads signers' NIFs from their certificates; without it the book shows no NIF. */
  identities: SignerIdentities | null;
}

/** Who may read the book is the contract's rule; which entries (the department's or all) is here. */
export function bookHandlers({ db, now, identities }: BookDependencies): Pick<Handlers, BookCallName> {
  return {
    'book.years': async (_input, { actor }) => {
      const at = now();
      return { years: await bookYears(db, at), current: bookYear(at), scope: bookScopeOf(actor).kind };
    },
    'book.search': async (input, { actor }) => {
      if (input.from && input.to && input.from > input.to)
        throw new ApiError('invalid_input', { field: 'to' });
      const page = await searchBook(db, bookScopeOf(actor), input);
      return { total: page.total, entries: await toBookEntries(page.records, identities) };
    },
  };
}
