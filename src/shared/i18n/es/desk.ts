/** The desk's own frame: a case link that leads nowhere, a screen that failed, the lost host. */
export const desk = {
  'caseLink.notFound':
    'No hay ningún expediente «{id}» en su servicio. Compruebe el enlace o busque el expediente en la bandeja.',
  'caseLink.invalidId': '«{id}» no es un identificador de expediente. Compruebe el enlace.',
  'screenError.title': 'No se ha podido mostrar esta pantalla',
  'screenError.message': 'Algo ha fallado al mostrarla; no se ha perdido nada de lo guardado.',
  'screenError.back': 'Volver a la bandeja',
} as const;
