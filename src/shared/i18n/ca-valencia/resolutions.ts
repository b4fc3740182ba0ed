import type { resolutions as es } from '../es/resolutions';

export const resolutions: Record<keyof typeof es, string> = {
  'resolutions.document.title': 'Resolució',
  'resolutions.document.numbered': 'Resolució núm. {number}',
  'resolutions.document.case': 'Expedient: {number}',
  'resolutions.document.procedure': 'Procediment: {name}',
  'resolutions.document.applicant': 'Persona interessada: {name}',
  'resolutions.document.facts': 'ANTECEDENTS DE FET',
  'resolutions.document.grounds': 'FONAMENTS DE DRET',
  'resolutions.document.decision': 'RESOLC',
  'resolutions.document.remedies': 'RECURSOS',
  'resolutions.document.signatures': 'Signatures',
  'resolutions.document.footer':
    'Document signat electrònicament. CSV: {csv}. Comproveu-ne l’autenticitat en {url}',
  'resolutions.document.page': 'Pàgina {page} de {pages}',
  'resolutions.document.draft': 'ESBORRANY · SENSE NÚMERO NI SIGNATURA',
  'resolutions.document.draftFooter':
    'Esborrany: el número del llibre de resolucions i el CSV s’assignen en signar.',
} as const;
