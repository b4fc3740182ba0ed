import type { BridgeResult, DespachoBridge } from '../../shared/api/bridge';
import type { CallName, EventName } from '../../shared/api/index';
import { callChannel, eventChannel } from './channels';

type IpcListener = (event: unknown, payload: unknown) => void;

/** The part of Electron's ipcRenderer the bridge uses; tests pass a fake. */
export interface PreloadIpc {
  invoke(channel: string, input: unknown): Promise<unknown>;
  on(channel: string, listener: IpcListener): unknown;
  removeListener(channel: string, listener: IpcListener): unknown;
}

export interface ContractNames {
  readonly calls: readonly CallName[];
  readonly events: readonly EventName[];
}

/**
 * `window.despacho`: one function per call and one subscription per event, named by the contract.
 * Listeners get the payload only: the IPC event (with its `sender`) never reaches the page.
 */
export function buildBridge(names: ContractNames, ipc: PreloadIpc): DespachoBridge {
  const calls = Object.fromEntries(
    names.calls.map((name) => [
      name,
      (input: unknown) => ipc.invoke(callChannel(name), input) as Promise<BridgeResult>,
    ]),
  );
  const events = Object.fromEntries(
    names.events.map((name) => [
      name,
      (listener: (payload: unknown) => void) => {
        const relay: IpcListener = (_event, payload) => listener(payload);
        ipc.on(eventChannel(name), relay);
        return () => {
          ipc.removeListener(eventChannel(name), relay);
        };
      },
    ]),
  );
  return Object.freeze({
    calls: Object.freeze(calls),
    events: Object.freeze(events),
  }) as unknown as DespachoBridge;
}
