import { describe, expect, it } from 'vitest';
import { createExternalOpener } from '../../src/main/app/external-links';

function opener() {
  const opened: string[] = [];
  const open = createExternalOpener(async (url) => {
    opened.push(url);
  });
  return { open, opened };
}

describe('external links leave the desk only through the allowlist', () => {
  it('opens https links to the city hall’s sites', () => {
    const { open, opened } = opener();
    expect(open('https://sede.elche.es/tramites?id=1')).toBe(true);
    expect(open('https://elche.es/')).toBe(true);
    expect(opened).toEqual(['https://sede.elche.es/tramites?id=1', 'https://elche.es/']);
  });

  it('refuses other schemes, look-alike hosts, credentials and ports', () => {
    const { open, opened } = opener();
    for (const url of [
      'http://sede.elche.es/',
      'https://sede.elche.es.evil.example/',
      'https://evilelche.es/',
      'https://attacker.example/?u=https://sede.elche.es',
      'https://user:pass@sede.elche.es/',
      'https://sede.elche.es:8443/',
      'file:///C:/Windows/System32/calc.exe',
      'smb://sede.elche.es/share',
      'javascript:alert(1)',
      'ms-msdt:/id PCWDiagnostic',
      'not a url',
    ])
      expect(open(url), url).toBe(false);
    expect(opened).toEqual([]);
  });

  it('survives the system opener failing', async () => {
    const open = createExternalOpener(() => Promise.reject(new Error('no browser')));
    expect(open('https://sede.elche.es/')).toBe(true);
    await new Promise((resolve) => setImmediate(resolve));
  });
});
