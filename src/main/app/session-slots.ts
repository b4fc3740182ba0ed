import type { SessionSlot } from '../../shared/api/dispatch';

/** A window's webContents as far as its sign-in is concerned. */
export interface SlotOwner {
  readonly id: number;
  once(event: 'destroyed', listener: () => void): unknown;
}

/** One sign-in per window: a second window starts signed out, and a closed window forgets its user. */
export function createSessionSlots(): { slotFor(owner: SlotOwner): SessionSlot } {
  const slots = new Map<number, SessionSlot>();
  return {
    slotFor(owner) {
      const existing = slots.get(owner.id);
      if (existing) return existing;
      let userId: string | null = null;
      const slot: SessionSlot = {
        get: () => userId,
        set: (next) => {
          userId = next;
        },
      };
      slots.set(owner.id, slot);
      owner.once('destroyed', () => slots.delete(owner.id));
      return slot;
    },
  };
}
