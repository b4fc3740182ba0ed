import { ApiError } from '../../shared/api/errors';
import { deskAudience } from '../../shared/api/signing';
import { openTokenService } from '../desk/tokens/token-service';
import { practiceCardLauncher } from '../desk/training-card/launcher';
import {
  createPracticeCard,
  practiceModule,
  type PracticeCard,
  type PracticeKey,
} from '../desk/training-card/practice-card';
import type { EventBus } from '../events';
import { demoStaff, departments } from '../office/demo/city';
import type { CardDesk } from './card-desk';
import { listCards } from './card-listing';
import { issuePracticeCard, practiceHolderOf } from './practice-card';

/** What trainees type: said by the trainer and in every scenario that signs. */
export const practicePin = '1234';
const dayMs = 86_400_000;

/**
 * The classroom's practice card: a training certificate for every head of the demo city (whoever a
 * trainee signs in as), after them for every trainer (who signs the class's certificates with it),
 * then for every processor (who signs an amendment request with it), issued afresh when the desk
 * starts, valid for a year. Each keeps its place on the card as people are added after it.
 */
async function practiceKeys(now: Date): Promise<PracticeKey[]> {
  const unitOf = new Map(departments.map((department) => [department.id, department.name]));
  const staff = demoStaff();
  const holders = [
    ...staff.filter((user) => user.roles.includes('head')),
    ...staff.filter((user) => user.roles.includes('trainer') && !user.roles.includes('head')),
    ...staff.filter((user) => user.roles.every((role) => role === 'processor')),
  ];
  const validity = {
    notBefore: new Date(now.getTime() - dayMs),
    notAfter: new Date(now.getTime() + 365 * dayMs),
  };
  return Promise.all(
    holders.map(async (holder, index) => {
      const issued = await issuePracticeCard(
        practiceHolderOf(holder, unitOf.get(holder.departmentId) ?? ''),
        validity,
        'training',
      );
      return {
        id: (index + 1).toString(16).padStart(2, '0'),
        label: holder.name,
        certificate: issued.certificate,
        key: issued.key,
      };
    }),
  );
}

/**
 * The training desk's cards: the practice card alone, behind the same token service, listing and
 * events as real cards. No PKCS#11 module is ever named, listed or loaded here, and adding one is
 * refused: a training desk that could sign with a real card would be a defect.
 */
export async function openPracticeCardDesk(options: {
  events: EventBus;
  now: () => Date;
}): Promise<CardDesk & { card: PracticeCard }> {
  const card = createPracticeCard({ keys: await practiceKeys(options.now()), pin: practicePin });
  const tokens = openTokenService({ launch: practiceCardLauncher(card.driver), modules: [practiceModule] });
  const changed = () => options.events.emit('tokens.changed', {}, deskAudience);
  let stopWatching: (() => void) | null = null;
  const list = () => {
    stopWatching ??= tokens.onTokensChanged(changed);
    return listCards(tokens, [{ path: practiceModule, source: 'practice' }], options.now());
  };
  return {
    card,
    tokens,
    knows: (module) => module === practiceModule,
    handlers: {
      // A card a scenario pulled out stays out until the trainee puts it back (`training.card.insert`).
      'tokens.list': () => list(),
      'tokens.addModule': ({ path }) =>
        Promise.reject(new ApiError('pkcs11_module_invalid', { reason: 'training', path })),
    },
    async close() {
      stopWatching?.();
      await tokens.close();
    },
  };
}
