import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

// electron-builder's own schema check; packaging itself needs an Electron download this machine lacks.
const require = createRequire(import.meta.url);
const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
  validateConfiguration(config: unknown, debugLogger: { add(): void; isEnabled: boolean }): Promise<void>;
};
const { load } = require('js-yaml') as { load(text: string): unknown };

interface BuilderConfig {
  appId: string;
  files: string[];
  asarUnpack: string[];
  electronFuses: Record<string, boolean>;
  win: {
    target: { target: string }[];
    forceCodeSigning: boolean;
    signExts: string[];
    signtoolOptions: { signingHashAlgorithms: string[] };
  };
  nsis: { oneClick: boolean; perMachine: boolean; allowToChangeInstallationDirectory: boolean };
  linux: { target: { target: string }[] };
}

const text = readFileSync(new URL('../../../electron-builder.yml', import.meta.url), 'utf8');
const config = load(text) as BuilderConfig;
const quietLogger = { add: () => undefined, isEnabled: false };

// Compiling electron-builder's schema takes seconds on a busy machine.
describe('electron-builder.yml', { timeout: 60_000 }, () => {
  it('matches electron-builder’s configuration schema', async () => {
    await expect(validateConfiguration(config, quietLogger)).resolves.toBeUndefined();
  });

  it('is checked for real: a misspelt fuse is rejected', async () => {
    const misspelt = { ...config, electronFuses: { ...config.electronFuses, runAsNod: false } };
    await expect(validateConfiguration(misspelt, quietLogger)).rejects.toThrow(/electronFuses/);
  });

  it('flips the fuses that close Node-level entry points and pin the app to its asar', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('packs the build and unpacks native modules, for Windows NSIS and Linux AppImage and deb', () => {
    expect(config.appId).toBe('es.elche.despacho');
    expect(config.files).toEqual(expect.arrayContaining(['out/**', 'package.json']));
    expect(config.asarUnpack).toContain('**/node_modules/pkcs11js/**');
    expect(config.win.target.map((entry) => entry.target)).toEqual(['nsis']);
    expect(config.linux.target.map((entry) => entry.target)).toEqual(['AppImage', 'deb']);
  });

  it('installs per machine, where only administrators can change the trust anchors and calendars', () => {
    expect(config.nsis).toMatchObject({
      oneClick: false,
      perMachine: true,
      allowToChangeInstallationDirectory: false,
    });
  });

  it('refuses to build an unsigned Windows installer unless asked to, and signs with SHA-256', async () => {
    expect(config.win.forceCodeSigning).toBe(true);
    expect(config.win.signtoolOptions.signingHashAlgorithms).toEqual(['sha256']);
    expect(config.win.signExts).toEqual(expect.arrayContaining(['.node', '.dll']));
    // The way out for a local test build (README), as electron-builder's command line passes it.
    const unsigned = { ...config, win: { ...config.win, forceCodeSigning: 'false' } };
    await validateConfiguration(unsigned, quietLogger);
    expect(unsigned.win.forceCodeSigning).toBe(false);
  });

  it('releases through that configuration, never with signing turned off', () => {
    const manifest = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(manifest.scripts['release:win']).toMatch(/electron-builder --win\b/);
    expect(manifest.scripts['release:win']).not.toMatch(
      /forceCodeSigning|signExecutable|signAndEditExecutable/,
    );
  });

  it('holds no certificate or password: they come from the environment', () => {
    const secrets = /certificateFile|certificatePassword|cscLink|cscKeyPassword|\.pfx|\.p12/i;
    expect(text).not.toMatch(secrets);
  });
});
