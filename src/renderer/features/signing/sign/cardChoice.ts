import type { Card, CardCertificate, TokenListing } from '../../../../shared/api/signing';

/** One certificate on one card, as the signer picks it. */
export interface CardChoice {
  card: Card;
  certificate: CardCertificate;
}

/** Stable across refetches of the listing: the module, the slot, the card's label and the key's id. */
export const choiceKey = ({ card, certificate }: CardChoice): string =>
  JSON.stringify([card.module, card.slotId, card.label, certificate.id]);

/** Every certificate of every card, those that can sign first. */
export function choicesOf(listing: TokenListing | undefined): CardChoice[] {
  const all = (listing?.cards ?? []).flatMap((card) =>
    card.certificates.map((certificate) => ({ card, certificate })),
  );
  return [...all.filter(canSign), ...all.filter((choice) => !canSign(choice))];
}

/** A certificate with no problem, on a card that has none. */
export const canSign = ({ card, certificate }: CardChoice): boolean =>
  card.problems.length === 0 && certificate.problems.length === 0;

/**
 * The choice to show as picked: the signer's own while it is still there and usable, else the only
 * usable one, else none (several usable: the signer picks).
 */
export function pickedChoice(choices: readonly CardChoice[], wanted: string | null): CardChoice | null {
  const usable = choices.filter(canSign);
  const kept = usable.find((choice) => choiceKey(choice) === wanted);
  if (kept) return kept;
  return usable.length === 1 ? usable[0]! : null;
}
