import { describe, expect, it } from 'vitest';
import { mainWindowOptions } from '../../../src/main/app/main-window';

describe('main window', () => {
  it('loads the given preload under the given title', () => {
    const options = mainWindowOptions('/app/out/preload/index.cjs', 'Despacho');
    expect(options.webPreferences?.preload).toBe('/app/out/preload/index.cjs');
    expect(options.title).toBe('Despacho');
  });
});
