/** The resolution document: its headings, footer and the draft watermark. */
export const resolutions = {
  'resolutions.document.title': 'Resolución',
  'resolutions.document.numbered': 'Resolución n.º {number}',
  'resolutions.document.case': 'Expediente: {number}',
  'resolutions.document.procedure': 'Procedimiento: {name}',
  'resolutions.document.applicant': 'Interesado/a: {name}',
  'resolutions.document.facts': 'ANTECEDENTES DE HECHO',
  'resolutions.document.grounds': 'FUNDAMENTOS DE DERECHO',
  'resolutions.document.decision': 'RESUELVO',
  'resolutions.document.remedies': 'RECURSOS',
  'resolutions.document.signatures': 'Firmas',
  'resolutions.document.footer':
    'Documento firmado electrónicamente. CSV: {csv}. Compruebe su autenticidad en {url}',
  'resolutions.document.page': 'Página {page} de {pages}',
  'resolutions.document.draft': 'BORRADOR · SIN NÚMERO NI FIRMA',
  'resolutions.document.draftFooter':
    'Borrador: el número del libro de resoluciones y el CSV se asignan al firmar.',
} as const;
