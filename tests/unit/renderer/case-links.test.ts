import { describe, expect, it } from 'vitest';
import { shortCaseId } from '../../../src/renderer/app/CaseUnavailable';
import { carriesLaunchCredentials, parseRoute } from '../../../src/renderer/app/routes';

describe('case links typed or pasted by hand', () => {
  it('keeps a broken percent escape as typed instead of failing to render', () => {
    expect(parseRoute('#/cases/%E0%A4%A')).toEqual({ screen: 'case', caseId: '%E0%A4%A' });
  });

  it('decodes a well-formed escape', () => {
    expect(parseRoute('#/cases/%E0%A4%A4')).toEqual({ screen: 'case', caseId: '\u0924' });
  });

  it('keeps an over-long id whole for the case page to refuse, naming it', () => {
    const id = '9'.repeat(100);
    expect(parseRoute(`#/cases/${id}`)).toEqual({ screen: 'case', caseId: id });
  });

  it('cuts a long id for headings, by characters, never inside one', () => {
    expect(shortCaseId('1234')).toBe('1234');
    const long = 'ꝏ'.repeat(100);
    expect(shortCaseId(long)).toBe(`${'ꝏ'.repeat(39)}…`);
    expect(shortCaseId('😀'.repeat(41))).toBe(`${'😀'.repeat(39)}…`);
  });
});

describe('the host address pasted into an open tab', () => {
  it('is told apart from a route, so the tab reloads and reads the new token', () => {
    expect(carriesLaunchCredentials('#token=abc')).toBe(true);
    expect(carriesLaunchCredentials('#launch=xyz')).toBe(true);
    expect(carriesLaunchCredentials('#/cases/12')).toBe(false);
    expect(carriesLaunchCredentials('')).toBe(false);
  });
});
