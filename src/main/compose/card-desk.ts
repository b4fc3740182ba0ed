import { existsSync, statSync } from 'node:fs';
import { delimiter, isAbsolute, win32 } from 'node:path';
import type { Handlers } from '../../shared/api/dispatch';
import { ApiError } from '../../shared/api/errors';
import { deskAudience } from '../../shared/api/signing';
import { configuredModules } from '../desk/tokens/module-paths';
import { openTokenService, type TokenService } from '../desk/tokens/token-service';
import type { TokenWorkerLauncher } from '../desk/tokens/worker-process';
import type { EventBus } from '../events';
import { listCards, type ModuleSource } from './card-listing';
import type { DeskSettingsFile } from './desk-settings';

export interface CardDeskOptions {
  /** How the token worker is started: a Node child (`serve`, the CLI) or Electron's utility process. */
  launch: TokenWorkerLauncher;
  settings: DeskSettingsFile;
  /** DESPACHO_PKCS11_MODULES (separated like PATH) names more modules. */
  env: NodeJS.ProcessEnv;
  events: EventBus;
  now: () => Date;
  platform?: NodeJS.Platform;
}

export type CardCallName = 'tokens.list' | 'tokens.addModule';

export interface CardDesk {
  readonly tokens: TokenService;
  readonly handlers: Pick<Handlers, CardCallName>;
  /** Whether a module is one the desk looks for cards in (the only ones a signer may name). */
  knows(module: string): boolean;
  close(): Promise<void>;
}

/** The modules to look in, each once, with where it came from: installed, the environment, the settings. */
export function deskModules(
  settingsModules: readonly string[],
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform = process.platform,
): { path: string; source: ModuleSource }[] {
  const listed = new Map<string, ModuleSource>();
  const add = (paths: readonly string[], source: ModuleSource) =>
    paths.forEach((path) => {
      if (!listed.has(path)) listed.set(path, source);
    });
  add(configuredModules([], platform), 'installed');
  add((env.DESPACHO_PKCS11_MODULES ?? '').split(delimiter).filter(Boolean), 'environment');
  add(settingsModules, 'settings');
  return [...listed].map(([path, source]) => ({ path, source }));
}

const libraryName = /\.(so(\.\d+)*|dll|dylib)$/i;

/** A path a person typed: absolute, an existing file, named like a shared library. */
function checkModulePath(path: string, platform: NodeJS.Platform): void {
  const absolute = platform === 'win32' ? win32.isAbsolute(path) : isAbsolute(path);
  const refuse = (reason: string) => {
    throw new ApiError('pkcs11_module_invalid', { reason, path });
  };
  if (!absolute) refuse('notAbsolute');
  if (!existsSync(path)) refuse('missing');
  if (!statSync(path).isFile()) refuse('notAFile');
  if (!libraryName.test(path)) refuse('notALibrary');
}

/**
 * The desk's cards: the token service over the configured modules, the listing with why a card
 * or certificate cannot sign, modules added in the settings, and the news of cards inserted and
 * removed (watched once somebody has listed them) and of a card slow to answer.
 */
export function openCardDesk(options: CardDeskOptions): CardDesk {
  const platform = options.platform ?? process.platform;
  const modules = () => deskModules(options.settings.readOrEmpty().pkcs11Modules, options.env, platform);
  const tokens = openTokenService({ launch: options.launch, modules: () => modules().map((m) => m.path) });
  tokens.onSlow((notice) =>
    options.events.emit(
      'tokens.slow',
      {
        state: notice.state,
        operation: notice.operation,
        token: notice.token ?? null,
        modules: notice.modules,
      },
      deskAudience,
    ),
  );
  const changed = () => options.events.emit('tokens.changed', {}, deskAudience);
  let stopWatching: (() => void) | null = null;
  const list = () => {
    stopWatching ??= tokens.onTokensChanged(changed);
    return listCards(tokens, modules(), options.now());
  };

  return {
    tokens,
    knows: (module) => modules().some((listed) => listed.path === module),
    handlers: {
      'tokens.list': () => list(),
      'tokens.addModule': async ({ path }) => {
        if (modules().some((listed) => listed.path === path)) return list();
        checkModulePath(path, platform);
        // Only a module this machine can load is kept: a wrong file would fail every listing.
        const tried = await tokens.listTokens([path]).catch(() => null);
        if (tried?.modules[0]?.status !== 'loaded')
          throw new ApiError('pkcs11_module_invalid', { reason: 'cannotLoad', path });
        options.settings.update((settings) => ({
          ...settings,
          pkcs11Modules: [...settings.pkcs11Modules, path],
        }));
        changed();
        return list();
      },
    },
    async close() {
      stopWatching?.();
      await tokens.close();
    },
  };
}
