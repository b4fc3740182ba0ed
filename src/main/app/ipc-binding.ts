import type { ActorResolver } from '../../shared/api/access';
import { dispatch, type DispatchResult, type Handlers, type SessionSlot } from '../../shared/api/dispatch';
import { callNames } from '../../shared/api/index';
import { callChannel } from '../preload/channels';
import type { SlotOwner } from './session-slots';
import type { InvokeEvent } from './trusted-sender';

/** The part of Electron's ipcMain the binding uses; tests pass a fake. */
export interface InvokeRegistry {
  handle(channel: string, listener: (event: InvokeEvent, input: unknown) => Promise<DispatchResult>): void;
  removeHandler(channel: string): void;
}

export interface IpcBindingOptions {
  ipcMain: InvokeRegistry;
  handlers: Handlers;
  /** Who a window's signed-in user is; `dispatch` enforces each call's access rule with it. */
  actors: ActorResolver;
  /** Whether this invoke comes from a frame the desk trusts (see isTrustedInvoke). */
  isTrusted(event: InvokeEvent): boolean;
  slotFor(owner: SlotOwner): SessionSlot;
  onInternalError?: (name: string, error: unknown) => void;
}

const refused: DispatchResult = { ok: false, error: { code: 'forbidden' } };

/**
 * One `despacho:call:<name>` handler per contract call. The sender is checked before anything
 * else; a refused sender gets `forbidden` and nothing is dispatched. Returns the unbinding.
 */
export function bindIpc(options: IpcBindingOptions): () => void {
  const contract = { handlers: options.handlers, actors: options.actors };
  for (const name of callNames) {
    options.ipcMain.handle(callChannel(name), async (event, input) => {
      if (!options.isTrusted(event)) return refused;
      const ctx = { connectionId: `window-${event.sender.id}`, session: options.slotFor(event.sender) };
      return dispatch(contract, name, input, ctx, { onInternalError: options.onInternalError });
    });
  }
  return () => {
    for (const name of callNames) options.ipcMain.removeHandler(callChannel(name));
  };
}
