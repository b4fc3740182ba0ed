import { describe, expect, it } from 'vitest';
import { denyAllPermissions, type PermissionSession } from '../../src/main/app/permissions';

describe('permission requests and checks are all denied', () => {
  it('answers every request false and every check false', () => {
    let request: Parameters<PermissionSession['setPermissionRequestHandler']>[0] | null = null;
    let check: Parameters<PermissionSession['setPermissionCheckHandler']>[0] | null = null;
    denyAllPermissions({
      setPermissionRequestHandler: (handler) => (request = handler),
      setPermissionCheckHandler: (handler) => (check = handler),
    });
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'openExternal',
      'fileSystem',
    ]) {
      const answers: boolean[] = [];
      request!(null, permission, (granted) => answers.push(granted));
      expect(answers).toEqual([false]);
      expect(check!(null, permission)).toBe(false);
    }
  });
});
