import { describe, expect, it } from 'vitest';
import { demoStaff, departments } from '../../../src/main/office/demo/city';
import { groupDemoUsers } from '../../../src/renderer/app/demo-users';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  departmentName,
  documentTitle,
  localizedUser,
  positionName,
} from '../../../src/shared/i18n/catalogue-names';

const templatesDir = join(import.meta.dirname, '..', '..', '..', 'resources', 'templates');

const staffAsSummaries = () =>
  demoStaff().map((user) => ({
    id: user.id,
    name: user.name,
    roles: user.roles,
    departmentId: user.departmentId,
    departmentName: departments.find((department) => department.id === user.departmentId)!.name,
    position: user.position,
  }));

describe('the demo catalogue in both languages', () => {
  it('names every department in Valencian and keeps the Spanish as stored', () => {
    for (const department of departments) {
      expect(departmentName(department.id, department.name, 'es')).toBe(department.name);
      expect(departmentName(department.id, department.name, 'ca-valencia')).not.toBe(department.name);
    }
    expect(departmentName('urbanismo', 'Urbanismo', 'ca-valencia')).toBe('Urbanisme');
    expect(departmentName('nuevo', 'Departamento nuevo', 'ca-valencia')).toBe('Departamento nuevo');
  });

  it('gives every demo job title in Valencian, eliding "de" before a vowel', () => {
    for (const user of staffAsSummaries()) {
      const shown = localizedUser(user, 'ca-valencia');
      expect(shown.position, user.position).not.toBe(user.position);
      expect(localizedUser(user, 'es').position).toBe(user.position);
    }
    expect(positionName('Jefatura de servicio de Urbanismo', 'ca-valencia')).toBe(
      'Cap de servei d’Urbanisme',
    );
    expect(positionName('Concejalía delegada de Tributos', 'ca-valencia')).toBe(
      'Regidoria delegada de Tributs',
    );
    expect(positionName('Administrativo/a tramitador/a', 'ca-valencia')).toBe(
      'Administratiu/iva tramitador/a',
    );
    expect(positionName('Jefatura de servicio de Deportes', 'ca-valencia')).toBe('Cap de servei de Deportes');
    expect(positionName('Conserje', 'ca-valencia')).toBe('Conserje');
  });

  it('groups the sign-in list under Valencian names and finds people by either language', () => {
    const users = staffAsSummaries();
    const collator = new Intl.Collator('ca-ES');
    const groups = groupDemoUsers(users, '', collator, 'ca-valencia');
    expect(groups.map((group) => group.departmentName)).toContain('Serveis Socials');
    const bySpanish = groupDemoUsers(users, 'Urbanismo tramitador', collator, 'ca-valencia');
    const byValencian = groupDemoUsers(users, 'Urbanisme tramitador', collator, 'ca-valencia');
    expect(bySpanish.map((group) => group.departmentName)).toEqual(['Urbanisme']);
    expect(byValencian).toEqual(bySpanish);
  });

  it('gives a document filed under a catalogue title in the reader’s language, with what follows it', () => {
    expect(documentTitle('Requerimiento de subsanación · 2026/URB-000123', 'ca-valencia')).toBe(
      'Requeriment d’esmena · 2026/URB-000123',
    );
    expect(documentTitle("Requeriment d'esmena · 2026/URB-000123", 'es')).toBe(
      'Requerimiento de subsanación · 2026/URB-000123',
    );
    expect(documentTitle('Documentación aportada — 2026/TRI-000007', 'ca-valencia')).toBe(
      'Documentació aportada — 2026/TRI-000007',
    );
    expect(documentTitle('Solicitud', 'ca-valencia')).toBe('Sol·licitud');
    expect(documentTitle('Plano de situación', 'ca-valencia')).toBe('Plano de situación');
    expect(documentTitle('Resolución de licencia de obra menor', 'ca-valencia')).toBe(
      'Resolución de licencia de obra menor',
    );
  });

  it('knows every title the document templates give, in both languages', () => {
    const titles = ['amendments.json', 'casework.json'].flatMap((file) =>
      [
        ...readFileSync(join(templatesDir, file), 'utf8').matchAll(
          /"title": \{\s*"es": "([^"]+)",\s*"ca-valencia": "([^"]+)"/g,
        ),
      ].map((match) => [match[1]!, match[2]!.replace(/'/g, '’')] as const),
    );
    expect(titles.length).toBeGreaterThanOrEqual(5);
    for (const [spanish, valencian] of titles) {
      expect(documentTitle(spanish, 'ca-valencia')).toBe(valencian);
      expect(documentTitle(valencian, 'es')).toBe(spanish);
    }
  });
});
