/**
 * The demo city's catalogue in each language: departments by id, and job titles, which a user's
 * record keeps in Spanish (`{ofDepartment}` is "de Urbanismo": Valencian elides it, "d’Urbanisme").
 */
export const catalogueData = {
  'catalogue.department.urbanismo': 'Urbanismo',
  'catalogue.department.actividades': 'Actividades',
  'catalogue.department.servicios-sociales': 'Servicios Sociales',
  'catalogue.department.tributos': 'Tributos',
  'catalogue.department.padron': 'Padrón',
  'catalogue.department.medio-ambiente': 'Medio Ambiente',
  'catalogue.department.secretaria': 'Secretaría',
  'catalogue.position.head': 'Jefatura de servicio {ofDepartment}',
  'catalogue.position.councillor': 'Concejalía delegada {ofDepartment}',
  'catalogue.position.generalTechnician': 'Técnico/a de administración general',
  'catalogue.position.processor': 'Administrativo/a tramitador/a',
  'catalogue.position.trainer': 'Formadora de administración electrónica',
  'catalogue.position.sysadmin': 'Administración de sistemas',
  'catalogue.document.application': 'Solicitud',
  'catalogue.document.attachments': 'Documentación adjunta',
  'catalogue.document.provided': 'Documentación aportada',
  'catalogue.document.amendmentRequest': 'Requerimiento de subsanación',
  'catalogue.document.technicalReport': 'Informe técnico',
  'catalogue.document.legalReport': 'Informe jurídico',
  'catalogue.document.resolution': 'Resolución',
  'catalogue.document.withdrawal': 'Resolución de desistimiento',
  'catalogue.document.deemedWithdrawal': 'Resolución por la que se tiene por desistida la solicitud',
} as const;
