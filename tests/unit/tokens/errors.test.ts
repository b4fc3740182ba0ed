import { describe, expect, it } from 'vitest';
import { SigningError } from '../../../src/main/desk/signing/errors';
import { CKF_TOKEN, CKR } from '../../../src/main/desk/tokens/constants';
import { describeTokenFailure } from '../../../src/main/cli/token-failure';
import { TokenError, tokenErrorCodes, tokenErrorFromRv } from '../../../src/main/desk/tokens/errors';
import { tokens as caValencia } from '../../../src/shared/i18n/ca-valencia/tokens';
import { tokens as es } from '../../../src/shared/i18n/es/tokens';

describe('tokenErrorFromRv for a wrong PIN', () => {
  it('reports a plain wrong PIN when the card says nothing about tries left', () => {
    expect(tokenErrorFromRv(0xa0, 'C_Login').code).toBe('pin_incorrect');
    expect(tokenErrorFromRv(0xa0, 'C_Login', CKF_TOKEN.TOKEN_INITIALIZED).code).toBe('pin_incorrect');
  });

  it('warns that few tries are left when the card raises CKF_USER_PIN_COUNT_LOW', () => {
    expect(tokenErrorFromRv(0xa0, 'C_Login', CKF_TOKEN.USER_PIN_COUNT_LOW).code).toBe('pin_incorrect_low');
  });

  it('warns of the last try when the card raises CKF_USER_PIN_FINAL_TRY', () => {
    const flags = CKF_TOKEN.USER_PIN_FINAL_TRY | CKF_TOKEN.USER_PIN_COUNT_LOW;
    expect(tokenErrorFromRv(0xa0, 'C_Login', flags).code).toBe('pin_incorrect_final');
  });

  it('reports a locked PIN when that wrong PIN was the last try', () => {
    const flags = CKF_TOKEN.USER_PIN_LOCKED | CKF_TOKEN.USER_PIN_FINAL_TRY;
    expect(tokenErrorFromRv(0xa0, 'C_Login', flags).code).toBe('pin_locked');
  });

  it('reports CKR_PIN_LOCKED as a locked PIN', () => {
    expect(tokenErrorFromRv(0xa4, 'C_Login').code).toBe('pin_locked');
  });

  it.each([
    ['CKR_PIN_INVALID', CKR.PIN_INVALID],
    ['CKR_PIN_LEN_RANGE', CKR.PIN_LEN_RANGE],
  ])('reports %s as a PIN the card does not accept', (_, rv) => {
    expect(tokenErrorFromRv(rv, 'C_Login').code).toBe('pin_invalid');
  });

  it('never puts anything but the code in a PIN error', () => {
    expect(tokenErrorFromRv(0xa0, 'C_Login', CKF_TOKEN.USER_PIN_COUNT_LOW).params).toEqual({});
  });
});

describe('tokenErrorFromRv for other failures', () => {
  it.each([
    ['CKR_DEVICE_REMOVED', 0x32],
    ['CKR_TOKEN_NOT_PRESENT', 0xe0],
    ['CKR_SESSION_HANDLE_INVALID', 0xb3],
    ['CKR_SESSION_CLOSED', 0xb0],
  ])('takes %s for a removed card', (_, rv) => {
    expect(tokenErrorFromRv(rv, 'C_Sign').code).toBe('token_removed');
  });

  it('takes a removal for a removal even while a PIN flag is raised', () => {
    expect(tokenErrorFromRv(0x32, 'C_Login', CKF_TOKEN.USER_PIN_FINAL_TRY).code).toBe('token_removed');
  });

  it.each([
    ['CKR_MECHANISM_INVALID', 0x70],
    ['CKR_MECHANISM_PARAM_INVALID', 0x71],
    ['CKR_KEY_TYPE_INCONSISTENT', 0x63],
    ['CKR_KEY_FUNCTION_NOT_PERMITTED', 0x68],
  ])('reports %s as an unsupported mechanism, naming it', (name, rv) => {
    const error = tokenErrorFromRv(rv, 'C_SignInit');
    expect(error.code).toBe('mechanism_unsupported');
    expect(error.params).toEqual({ mechanism: name });
  });

  it('reports an unknown rv as a token failure with the hex CKR and the function', () => {
    const error = tokenErrorFromRv(0x8000_1234, 'C_Sign');
    expect(error.code).toBe('token_failure');
    expect(error.params.detail).toContain('CKR_0x80001234');
    expect(error.params.detail).toContain('C_Sign');
  });

  it('names a known rv that has no error of its own', () => {
    const error = tokenErrorFromRv(CKR.GENERAL_ERROR, 'C_GetSlotList');
    expect(error.code).toBe('token_failure');
    expect(error.params.detail).toBe('CKR_GENERAL_ERROR (C_GetSlotList)');
  });
});

describe('token error sentences', () => {
  const catalogues = {
    es: es as Record<string, string>,
    'ca-valencia': caValencia as Record<string, string>,
  };

  it.each(Object.keys(catalogues) as (keyof typeof catalogues)[])(
    'has a sentence for every token error code in %s',
    (locale) => {
      const missing = tokenErrorCodes.filter((code) => !catalogues[locale][`tokens.error.${code}`]?.trim());
      expect(missing).toEqual([]);
    },
  );

  it('uses the same placeholders in both languages', () => {
    const placeholders = (text: string | undefined) =>
      [...(text ?? '').matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const code of tokenErrorCodes) {
      const key = `tokens.error.${code}`;
      expect(placeholders(catalogues['ca-valencia'][key]), key).toEqual(placeholders(catalogues.es[key]));
    }
  });
});

describe('describeTokenFailure', () => {
  it('turns a TokenError into a token SigningError with its sentence key and params', () => {
    const cause = new TokenError('token_ambiguous', { token: 'DNIe', count: 2 });
    const failure = describeTokenFailure(cause);
    expect(failure).toBeInstanceOf(SigningError);
    expect(failure.kind).toBe('token');
    expect(failure.key).toBe('tokens.error.token_ambiguous');
    expect(failure.params).toEqual({ token: 'DNIe', count: 2 });
    expect(failure.cause).toBe(cause);
  });

  it.each(tokenErrorCodes)('gives %s a key that exists in the catalogue', (code) => {
    const failure = describeTokenFailure(new TokenError(code));
    expect(failure.key).toBe(`tokens.error.${code}`);
    expect(es).toHaveProperty([failure.key]);
  });

  it('passes a SigningError through untouched', () => {
    const original = new SigningError('input', 'tokens.error.pin_required');
    expect(describeTokenFailure(original)).toBe(original);
  });

  it('reports anything else as a token failure carrying its message', () => {
    const failure = describeTokenFailure(new Error('pkcs11js exploded'));
    expect(failure.kind).toBe('token');
    expect(failure.key).toBe('tokens.error.token_failure');
    expect(failure.params).toEqual({ detail: 'pkcs11js exploded' });
  });
});
