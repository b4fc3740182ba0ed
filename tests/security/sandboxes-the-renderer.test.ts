import { describe, expect, it } from 'vitest';
import { mainWindowOptions } from '../../src/main/app/main-window';

describe('the desk window runs its page sandboxed and isolated from Node', () => {
  it('turns on isolation, sandbox and web security and turns off Node, webviews and insecure content', () => {
    const preferences = mainWindowOptions('/app/out/preload/index.cjs', 'Despacho').webPreferences;
    const turnedOn = ['contextIsolation', 'sandbox', 'webSecurity'];
    const turnedOff = [
      'nodeIntegration',
      'nodeIntegrationInSubFrames',
      'nodeIntegrationInWorker',
      'allowRunningInsecureContent',
      'webviewTag',
      'navigateOnDragDrop',
    ];
    expect(preferences).toMatchObject(
      Object.fromEntries([
        ...turnedOn.map((name) => [name, true]),
        ...turnedOff.map((name) => [name, false]),
      ]),
    );
    expect(preferences).not.toHaveProperty('experimentalFeatures');
    expect(preferences).not.toHaveProperty('enableBlinkFeatures');
  });
});
