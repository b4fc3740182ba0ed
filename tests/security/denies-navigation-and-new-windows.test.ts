import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { guardContents, type GuardableContents } from '../../src/main/app/contents-guard';
import { createExternalOpener } from '../../src/main/app/external-links';

/** A webContents that records refusals, like Electron's events with preventDefault. */
class FakeGuardedContents extends EventEmitter implements GuardableContents {
  windowOpenHandler: ((details: { url: string }) => { action: 'deny' }) | null = null;

  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void {
    this.windowOpenHandler = handler;
  }

  /** Fires `name` like Electron and says whether a listener refused it. */
  attempt(name: string, url?: string): boolean {
    let refused = false;
    this.emit(name, { url, preventDefault: () => (refused = true) });
    return refused;
  }
}

function guarded() {
  const opened: string[] = [];
  const contents = new FakeGuardedContents();
  guardContents(
    contents,
    createExternalOpener(async (url) => {
      opened.push(url);
    }),
  );
  return { contents, opened };
}

describe('the renderer cannot leave its page or open windows', () => {
  it('refuses every navigation, to any URL', () => {
    const { contents } = guarded();
    for (const url of [
      'https://evil.example/',
      'app://despacho/other',
      'file:///etc/passwd',
      'javascript:alert(1)',
    ])
      expect(contents.attempt('will-navigate', url)).toBe(true);
  });

  it('refuses redirects and <webview> attachment', () => {
    const { contents } = guarded();
    expect(contents.attempt('will-redirect', 'https://evil.example/')).toBe(true);
    expect(contents.attempt('will-attach-webview')).toBe(true);
  });

  it('denies window.open and hands allowlisted web links to the external opener only', () => {
    const { contents, opened } = guarded();
    const open = contents.windowOpenHandler!;
    expect(open({ url: 'https://sede.elche.es/tramites' })).toEqual({ action: 'deny' });
    expect(open({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(open({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(open({ url: 'app://despacho/index.html' })).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://sede.elche.es/tramites']);
  });

  it('offers a clicked allowlisted link to the system browser while refusing the navigation', () => {
    const { contents, opened } = guarded();
    expect(contents.attempt('will-navigate', 'https://www.elche.es/')).toBe(true);
    expect(contents.attempt('will-navigate', 'https://evil.example/')).toBe(true);
    expect(opened).toEqual(['https://www.elche.es/']);
  });
});
