import { describe, expect, it } from 'vitest';
import { mainWindowOptions } from '../../src/main/app/main-window';

describe('the desk window runs its page sandboxed and isolated from Node', () => {
  it('turns on isolation, sandbox and web security and turns off Node, webviews and insecure content', () => {
    const preferences = mainWindowOptions('/app/out/preload/index.cjs', 'Despacho').webPreferences;
    expect(preferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
    });
    expect(preferences).not.toHaveProperty('experimentalFeatures');
    expect(preferences).not.toHaveProperty('enableBlinkFeatures');
  });
});
