import type { ExternalOpener } from './external-links';

interface RefusableEvent {
  preventDefault(): void;
  readonly url?: string;
}

/** The parts of a webContents the guard touches; Electron's WebContents fits, tests pass a fake. */
export interface GuardableContents {
  on(event: string, listener: (event: RefusableEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

/**
 * Every webContents (the main window and any other that appears) stays on the page it was given:
 * no navigation, no redirect of a navigation, no new windows, no <webview>. Web links are offered to
 * the external opener, which decides whether they leave the desk.
 */
export function guardContents(contents: GuardableContents, openExternal: ExternalOpener): void {
  const refuseAndOffer = (event: RefusableEvent) => {
    event.preventDefault();
    if (event.url) offerWebLink(event.url, openExternal);
  };
  contents.on('will-navigate', refuseAndOffer);
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    offerWebLink(url, openExternal);
    return { action: 'deny' };
  });
}

function offerWebLink(url: string, openExternal: ExternalOpener): void {
  if (/^https?:/i.test(url)) openExternal(url);
}
