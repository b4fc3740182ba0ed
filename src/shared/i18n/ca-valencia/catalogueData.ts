import type { catalogueData as es } from '../es/catalogueData';

export const catalogueData: Record<keyof typeof es, string> = {
  'catalogue.department.urbanismo': 'Urbanisme',
  'catalogue.department.actividades': 'Activitats',
  'catalogue.department.servicios-sociales': 'Serveis Socials',
  'catalogue.department.tributos': 'Tributs',
  'catalogue.department.padron': 'Padró',
  'catalogue.department.medio-ambiente': 'Medi Ambient',
  'catalogue.department.secretaria': 'Secretaria',
  'catalogue.position.head': 'Cap de servei {ofDepartment}',
  'catalogue.position.councillor': 'Regidoria delegada {ofDepartment}',
  'catalogue.position.generalTechnician': 'Tècnic/a d’administració general',
  'catalogue.position.processor': 'Administratiu/iva tramitador/a',
  'catalogue.position.trainer': 'Formadora d’administració electrònica',
  'catalogue.position.sysadmin': 'Administració de sistemes',
};
