import type { Role, Silence } from '../../../shared/domain/cases';
import type { TermUnit } from '../../../shared/domain/calendar';
import { nifFor } from './ids';

/** The demo city of DOMAIN.md: an Elche-like city hall. DIR3 codes are plausible, not official. */
export const cityHallDir3 = 'L01031336';

export interface DemoDepartment {
  id: string;
  dir3: string;
  name: string;
  /** Prefix of the department's case numbers. */
  prefix: string;
}

export const departments: readonly DemoDepartment[] = [
  { id: 'urbanismo', dir3: 'LA0013601', name: 'Urbanismo', prefix: 'URB' },
  { id: 'actividades', dir3: 'LA0013602', name: 'Actividades', prefix: 'ACT' },
  { id: 'servicios-sociales', dir3: 'LA0013603', name: 'Servicios Sociales', prefix: 'SSO' },
  { id: 'tributos', dir3: 'LA0013604', name: 'Tributos', prefix: 'TRI' },
  { id: 'padron', dir3: 'LA0013605', name: 'Padrón', prefix: 'PAD' },
  { id: 'medio-ambiente', dir3: 'LA0013606', name: 'Medio Ambiente', prefix: 'MAM' },
  { id: 'secretaria', dir3: 'LA0013607', name: 'Secretaría', prefix: 'SEC' },
];

export interface DemoProcedure {
  code: string;
  nameEs: string;
  nameCa: string;
  departmentId: string;
  term: { unit: TermUnit; amount: number };
  silence: Silence;
  legalBasis: string;
  /** How often it is applied for, relative to the others. */
  weight: number;
}

export const procedures: readonly DemoProcedure[] = [
  {
    code: 'URB-OMEN',
    nameEs: 'Licencia de obra menor',
    nameCa: "Llicència d'obra menor",
    departmentId: 'urbanismo',
    term: { unit: 'months', amount: 1 },
    silence: 'positive',
    legalBasis: 'Decreto Legislativo 1/2021 (TRLOTUP), arts. 232 y 240',
    weight: 8,
  },
  {
    code: 'URB-OMAY',
    nameEs: 'Licencia de obra mayor de nueva planta',
    nameCa: "Llicència d'obra major de nova planta",
    departmentId: 'urbanismo',
    term: { unit: 'months', amount: 3 },
    silence: 'negative',
    legalBasis: 'Real Decreto Legislativo 7/2015 (TRLSRU), art. 11.4; Decreto Legislativo 1/2021, art. 240',
    weight: 3,
  },
  {
    code: 'URB-OVP',
    nameEs: 'Ocupación de vía pública',
    nameCa: 'Ocupació de la via pública',
    departmentId: 'urbanismo',
    term: { unit: 'months', amount: 3 },
    silence: 'negative',
    legalBasis: 'Ley 39/2015, art. 24.1 (dominio público); Ley 33/2003, art. 84',
    weight: 4,
  },
  {
    code: 'ACT-DRES',
    nameEs: 'Declaración responsable de actividad',
    nameCa: "Declaració responsable d'activitat",
    departmentId: 'actividades',
    term: { unit: 'months', amount: 1 },
    silence: 'positive',
    legalBasis:
      'Ley 6/2014 de la Generalitat, de prevención, calidad y control ambiental de actividades, art. 69',
    weight: 6,
  },
  {
    code: 'ACT-LAMB',
    nameEs: 'Licencia ambiental',
    nameCa: 'Llicència ambiental',
    departmentId: 'actividades',
    term: { unit: 'months', amount: 6 },
    silence: 'negative',
    legalBasis: 'Ley 6/2014 de la Generalitat, arts. 51 a 58',
    weight: 2,
  },
  {
    code: 'SSO-AES',
    nameEs: 'Ayuda de emergencia social',
    nameCa: "Ajuda d'emergència social",
    departmentId: 'servicios-sociales',
    term: { unit: 'months', amount: 3 },
    silence: 'negative',
    legalBasis: 'Ley 3/2019 de la Generalitat, de servicios sociales inclusivos; Ley 38/2003, art. 25.5',
    weight: 5,
  },
  {
    code: 'SSO-SAD',
    nameEs: 'Servicio de ayuda a domicilio',
    nameCa: "Servei d'ajuda a domicili",
    departmentId: 'servicios-sociales',
    term: { unit: 'months', amount: 3 },
    silence: 'negative',
    legalBasis: 'Ley 3/2019 de la Generalitat, de servicios sociales inclusivos',
    weight: 3,
  },
  {
    code: 'TRI-REP',
    nameEs: 'Recurso de reposición tributario',
    nameCa: 'Recurs de reposició tributari',
    departmentId: 'tributos',
    term: { unit: 'months', amount: 1 },
    silence: 'negative',
    legalBasis: 'Real Decreto Legislativo 2/2004 (TRLRHL), art. 14.2',
    weight: 5,
  },
  {
    code: 'TRI-BIBI',
    nameEs: 'Bonificación del IBI por familia numerosa',
    nameCa: "Bonificació de l'IBI per família nombrosa",
    departmentId: 'tributos',
    term: { unit: 'months', amount: 6 },
    silence: 'negative',
    legalBasis: 'Real Decreto Legislativo 2/2004 (TRLRHL), art. 74.4; Ley 58/2003, art. 104',
    weight: 3,
  },
  {
    code: 'TRI-DEV',
    nameEs: 'Devolución de ingresos indebidos',
    nameCa: "Devolució d'ingressos indeguts",
    departmentId: 'tributos',
    term: { unit: 'months', amount: 6 },
    silence: 'negative',
    legalBasis: 'Ley 58/2003, General Tributaria, art. 221; Real Decreto 520/2005, art. 17',
    weight: 3,
  },
  {
    code: 'PAD-ALTA',
    nameEs: 'Alta en el padrón municipal',
    nameCa: 'Alta en el padró municipal',
    departmentId: 'padron',
    term: { unit: 'months', amount: 3 },
    silence: 'positive',
    legalBasis: 'Ley 7/1985 (LRBRL), arts. 15 a 17; Real Decreto 1690/1986, art. 70',
    weight: 7,
  },
  {
    code: 'PAD-CDOM',
    nameEs: 'Cambio de domicilio en el padrón',
    nameCa: 'Canvi de domicili en el padró',
    departmentId: 'padron',
    term: { unit: 'months', amount: 3 },
    silence: 'positive',
    legalBasis: 'Ley 7/1985 (LRBRL), art. 16; Real Decreto 1690/1986, art. 70',
    weight: 5,
  },
  {
    code: 'MAM-ARB',
    nameEs: 'Autorización de tala o poda de arbolado',
    nameCa: "Autorització de tala o poda d'arbratge",
    departmentId: 'medio-ambiente',
    term: { unit: 'months', amount: 3 },
    silence: 'positive',
    legalBasis: 'Ley 39/2015, arts. 21.3 y 24.1; ordenanza municipal de arbolado urbano',
    weight: 2,
  },
  {
    code: 'MAM-RUI',
    nameEs: 'Denuncia por ruidos y vibraciones',
    nameCa: 'Denúncia per sorolls i vibracions',
    departmentId: 'medio-ambiente',
    term: { unit: 'months', amount: 6 },
    silence: 'negative',
    legalBasis:
      'Ley 7/2002 de la Generalitat, de protección contra la contaminación acústica; Ley 39/2015, art. 25.1',
    weight: 2,
  },
  {
    code: 'SEC-AIP',
    nameEs: 'Acceso a información pública',
    nameCa: 'Accés a informació pública',
    departmentId: 'secretaria',
    term: { unit: 'months', amount: 1 },
    silence: 'negative',
    legalBasis: 'Ley 19/2013, de transparencia, arts. 20.1 y 20.4',
    weight: 3,
  },
  {
    code: 'SEC-RPAT',
    nameEs: 'Reclamación de responsabilidad patrimonial',
    nameCa: 'Reclamació de responsabilitat patrimonial',
    departmentId: 'secretaria',
    term: { unit: 'months', amount: 6 },
    silence: 'negative',
    legalBasis: 'Ley 39/2015, art. 91.3; Ley 40/2015, arts. 32 a 37',
    weight: 2,
  },
];

export interface DemoUser {
  id: string;
  name: string;
  position: string;
  departmentId: string;
  roles: Role[];
  /** What their certificates carry (the demo practice cards, the test PKI's cards of the demo heads). */
  nif: string;
}

/** Every member of staff shares the surname "Demo": nobody mistakes them for real people. */
const firstNames = [
  'Alba',
  'Bruno',
  'Carmen',
  'Daniel',
  'Elena',
  'Fernando',
  'Gloria',
  'Héctor',
  'Irene',
  'Jorge',
  'Laura',
  'Manuel',
  'Nuria',
  'Óscar',
  'Paula',
  'Raúl',
  'Silvia',
  'Tomás',
  'Úrsula',
  'Vicente',
  'Ximo',
  'Yolanda',
  'Zoe',
  'Andrés',
  'Beatriz',
  'Carles',
  'Dolors',
  'Enric',
  'Fina',
  'Guillem',
  'Inma',
  'Josep',
  'Lidia',
  'Marc',
  'Neus',
  'Pau',
  'Rosa',
  'Sergi',
  'Teresa',
  'Vera',
  'Amparo',
  'Joan',
  'Maite',
  'Vicent',
  'Empar',
  'Xavier',
  'Consuelo',
];
const secondSurnames = [
  'Ferrer',
  'Soler',
  'Vidal',
  'Navarro',
  'Sempere',
  'Pastor',
  'Ripoll',
  'Llorca',
  'Mira',
  'Agulló',
];

/** Processors per department: the busy ones get more. */
const processorsPerDepartment: Record<string, number> = {
  urbanismo: 5,
  actividades: 4,
  'servicios-sociales': 4,
  tributos: 5,
  padron: 4,
  'medio-ambiente': 3,
  secretaria: 3,
};

export function demoStaff(): DemoUser[] {
  const staff: Omit<DemoUser, 'nif'>[] = [];
  let next = 0;
  const person = () => {
    const name = `${firstNames[next % firstNames.length]} Demo ${secondSurnames[next % secondSurnames.length]}`;
    next += 1;
    return name;
  };
  for (const department of departments) {
    const key = department.prefix.toLowerCase();
    staff.push({
      id: `${key}-jefatura`,
      name: person(),
      position: `Jefatura de servicio de ${department.name}`,
      departmentId: department.id,
      roles: ['head'],
    });
    for (let index = 1; index <= (processorsPerDepartment[department.id] ?? 3); index += 1) {
      staff.push({
        id: `${key}-${String(index).padStart(2, '0')}`,
        name: person(),
        position: index === 1 ? 'Técnico/a de administración general' : 'Administrativo/a tramitador/a',
        departmentId: department.id,
        roles: ['processor'],
      });
    }
  }
  staff.push({
    id: 'formacion',
    name: person(),
    position: 'Formadora de administración electrónica',
    departmentId: 'secretaria',
    roles: ['trainer', 'processor'],
  });
  staff.push({
    id: 'admin',
    name: person(),
    position: 'Administración de sistemas',
    departmentId: 'secretaria',
    roles: ['admin'],
  });
  // A second head per department (added last, so everybody above keeps their name): requests go
  // to a cascade of signers, and a head away has a colleague to name as substitute.
  for (const department of departments)
    staff.push({
      id: `${department.prefix.toLowerCase()}-concejalia`,
      name: person(),
      position: `Concejalía delegada de ${department.name}`,
      departmentId: department.id,
      roles: ['head'],
    });
  // 98 million and up: a range no DNI has reached (the demo applicants' NIFs are in the 99 millions).
  return staff.map((user, index) => ({ ...user, nif: nifFor(98_000_000 + (index + 1) * 10_007) }));
}

/** A demo user's NIF, for the certificates made for them (practice cards, the test PKI). */
export function demoNif(userId: string): string {
  const user = demoStaff().find((candidate) => candidate.id === userId);
  if (!user) throw new Error(`no demo user ${userId}`);
  return user.nif;
}
