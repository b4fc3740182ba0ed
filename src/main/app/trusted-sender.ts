import { isAppUrl } from './app-protocol';

/** The parts of Electron's WebFrameMain the check reads. */
export interface SenderFrame {
  readonly frameToken: string;
  readonly parent: SenderFrame | null;
  readonly url: string;
}

/** The parts of Electron's IpcMainInvokeEvent the check reads. */
export interface InvokeEvent {
  readonly sender: { readonly id: number; once(event: 'destroyed', listener: () => void): unknown };
  readonly senderFrame: SenderFrame | null;
}

/** The desk's window contents: its id and its main frame. */
export interface TrustedContents {
  readonly id: number;
  readonly mainFrame: SenderFrame;
}

/**
 * A call is trusted only from the main frame of the desk's own window, showing the desk's own
 * origin: never from a subframe, another webContents, another page, or a frame that has gone away.
 */
export function isTrustedInvoke(event: InvokeEvent, desk: TrustedContents | null): boolean {
  const frame = event.senderFrame;
  if (!frame || !desk || event.sender.id !== desk.id) return false;
  return frame.parent === null && frame.frameToken === desk.mainFrame.frameToken && isAppUrl(frame.url);
}
