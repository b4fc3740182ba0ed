/** The ENI export of a closed case (issue 9): the command line and the case page's button. */
export const eniExport = {
  'eniExport.cli.usage': 'Uso: despacho export NÚMERO-DE-EXPEDIENTE --out FICHERO.zip [--data CARPETA]',
  'eniExport.cli.notZip': 'El fichero de salida {path} debe terminar en .zip.',
  'eniExport.cli.notFound': 'No hay ningún expediente con el número {number}.',
  'eniExport.cli.open':
    'El expediente {number} sigue abierto ({state}): solo se exportan expedientes cerrados (resueltos, notificados, archivados, desistidos o caducados).',
  'eniExport.cli.tampered':
    'El documento {document} del expediente {number} no coincide con su huella SHA-256 registrada: no se ha exportado nada. Restaure el original antes de exportar.',
  'eniExport.cli.written':
    'Expediente {number} exportado en formato ENI con {count} documentos en {path}. El índice va firmado con el sello de prácticas de la oficina de demostración (sin validez).',
  'eniExport.cli.written.one':
    'Expediente {number} exportado en formato ENI con {count} documento en {path}. El índice va firmado con el sello de prácticas de la oficina de demostración (sin validez).',
  'history.action.case.exported_eni': 'Se exporta el expediente en formato ENI ({documents} documentos)',
  'eniExport.button': 'Exportar expediente (ENI)',
  'eniExport.working': 'Exportando el expediente…',
  'eniExport.done': 'Expediente exportado: {file}',
  'eniExport.hint':
    'Descarga un .zip con los documentos, sus metadatos ENI y el índice firmado: con el sello de la oficina o, si dirige el servicio, con su tarjeta.',
  'eniExport.done.card': 'Expediente exportado: {file}. El índice va firmado con su tarjeta.',
  'eniExport.dialog.title': 'Exportar expediente (ENI)',
  'eniExport.dialog.description':
    'El .zip lleva los documentos, sus metadatos ENI y el índice del expediente firmado. Elija quién firma el índice.',
  'eniExport.signer.legend': 'Firma del índice',
  'eniExport.signer.card': 'Con mi tarjeta',
  'eniExport.signer.seal': 'Con el sello electrónico de la oficina',
  'eniExport.export': 'Exportar',
  'eniExport.failed': 'No se ha exportado el expediente: {reason}',
} as const;
