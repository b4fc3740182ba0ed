/** The PDF viewer of the case page and the signing tray. */
export const pdfViewer = {
  'pdfViewer.open': 'Abrir',
  'pdfViewer.ofDocument': '«{title}» en el visor',
  'pdfViewer.close': 'Cerrar el visor',
  'pdfViewer.document': 'Documento «{title}»',
  'pdfViewer.toolbar': 'Herramientas del visor',
  'pdfViewer.previous': 'Página anterior',
  'pdfViewer.next': 'Página siguiente',
  'pdfViewer.page': 'Página',
  'pdfViewer.ofPages': 'de {count}',
  'pdfViewer.pageStatus': 'Página {page} de {count}',
  'pdfViewer.pageLabel': 'Página {page}',
  'pdfViewer.zoomOut': 'Reducir',
  'pdfViewer.zoomIn': 'Ampliar',
  'pdfViewer.fitWidth': 'Ajustar al ancho',
  'pdfViewer.zoom': 'Zoom: {percent} %',
  'pdfViewer.search': 'Buscar en el documento',
  'pdfViewer.findPrevious': 'Coincidencia anterior',
  'pdfViewer.findNext': 'Coincidencia siguiente',
  'pdfViewer.searching': 'Buscando…',
  'pdfViewer.noMatches': 'Sin coincidencias',
  'pdfViewer.matches': '{current} de {count} coincidencias',
  'pdfViewer.matches.one': '{current} de {count} coincidencia',
  'pdfViewer.matches.other': '{current} de {count} coincidencias',
  'pdfViewer.showThumbnails': 'Mostrar las miniaturas',
  'pdfViewer.hideThumbnails': 'Ocultar las miniaturas',
  'pdfViewer.thumbnails': 'Miniaturas de las páginas',
  'pdfViewer.loading': 'Abriendo el documento…',
  'pdfViewer.keys':
    'Teclado: Av Pág y Re Pág cambian de página; Inicio y Fin, a la primera y la última; + y − cambian el zoom; Ctrl+F busca.',
  'pdfViewer.retry': 'Volver a intentarlo',
  'pdfViewer.problem.missing':
    'No se puede mostrar el documento: su contenido no está en el almacén o no es el que se registró. Avise a la administración del sistema.',
  'pdfViewer.problem.not_pdf':
    'Este documento no es un PDF y el visor no puede mostrarlo. Pida a quien lo aportó una copia en PDF.',
  'pdfViewer.problem.unreadable':
    'El visor no puede leer este PDF: está dañado o usa algo que el visor no admite. Pida a quien lo aportó una copia nueva.',
  'pdfViewer.problem.password':
    'Este PDF está protegido con contraseña y el visor no puede abrirlo. Pida a quien lo aportó una copia sin protección.',
  'pdfViewer.problem.changed': 'El documento ha cambiado mientras se abría. Vuelva a intentarlo.',
  'pdfViewer.problem.connection':
    'No se ha podido obtener el documento. Compruebe la conexión y vuelva a intentarlo.',
  'pdfViewer.signedDocument': 'Documento firmado',
} as const;
