import { describe, expect, it } from 'vitest';
import { dataDirFromArgs } from '../../../src/main/app/launch-options';

describe('--data on the command line', () => {
  it('takes the folder after --data or after --data=', () => {
    expect(dataDirFromArgs(['.', '--data', '/srv/despacho'], '/home/u/.config/Despacho')).toEqual({
      dataDir: '/srv/despacho',
    });
    expect(dataDirFromArgs(['--data=/srv/despacho'], '/fallback')).toEqual({ dataDir: '/srv/despacho' });
  });

  it('falls back to the user data folder without --data', () => {
    expect(dataDirFromArgs(['.', '--enable-logging'], '/fallback')).toEqual({ dataDir: '/fallback' });
  });

  it('reports a --data without a folder instead of guessing', () => {
    expect(dataDirFromArgs(['--data'], '/fallback')).toEqual({ missingValue: true });
    expect(dataDirFromArgs(['--data', '--other'], '/fallback')).toEqual({ missingValue: true });
    expect(dataDirFromArgs(['--data='], '/fallback')).toEqual({ missingValue: true });
  });
});
