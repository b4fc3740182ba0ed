import type { pdfViewer as es } from '../es/pdfViewer';

export const pdfViewer: Record<keyof typeof es, string> = {
  'pdfViewer.open': 'Obrir',
  'pdfViewer.ofDocument': '«{title}» en el visor',
  'pdfViewer.close': 'Tancar el visor',
  'pdfViewer.document': 'Document «{title}»',
  'pdfViewer.toolbar': 'Ferramentes del visor',
  'pdfViewer.previous': 'Pàgina anterior',
  'pdfViewer.next': 'Pàgina següent',
  'pdfViewer.page': 'Pàgina',
  'pdfViewer.ofPages': 'de {count}',
  'pdfViewer.pageStatus': 'Pàgina {page} de {count}',
  'pdfViewer.pageLabel': 'Pàgina {page}',
  'pdfViewer.zoomOut': 'Reduir',
  'pdfViewer.zoomIn': 'Ampliar',
  'pdfViewer.fitWidth': 'Ajustar a l’amplària',
  'pdfViewer.zoom': 'Zoom: {percent} %',
  'pdfViewer.search': 'Cercar en el document',
  'pdfViewer.findPrevious': 'Coincidència anterior',
  'pdfViewer.findNext': 'Coincidència següent',
  'pdfViewer.searching': 'Cercant…',
  'pdfViewer.noMatches': 'Sense coincidències',
  'pdfViewer.matches': '{current} de {count} coincidències',
  'pdfViewer.matches.one': '{current} de {count} coincidència',
  'pdfViewer.matches.other': '{current} de {count} coincidències',
  'pdfViewer.showThumbnails': 'Mostrar les miniatures',
  'pdfViewer.hideThumbnails': 'Amagar les miniatures',
  'pdfViewer.thumbnails': 'Miniatures de les pàgines',
  'pdfViewer.loading': 'S’està obrint el document…',
  'pdfViewer.keys':
    'Teclat: Av Pàg i Re Pàg canvien de pàgina; Inici i Fi, a la primera i l’última; + i − canvien el zoom; Ctrl+F cerca.',
  'pdfViewer.retry': 'Tornar a intentar-ho',
  'pdfViewer.problem.missing':
    'No es pot mostrar el document: el seu contingut no està en el magatzem o no és el que es va registrar. Aviseu l’administració del sistema.',
  'pdfViewer.problem.not_pdf':
    'Este document no és un PDF i el visor no el pot mostrar. Demaneu a qui el va aportar una còpia en PDF.',
  'pdfViewer.problem.unreadable':
    'El visor no pot llegir este PDF: està danyat o usa alguna cosa que el visor no admet. Demaneu a qui el va aportar una còpia nova.',
  'pdfViewer.problem.password':
    'Este PDF està protegit amb contrasenya i el visor no el pot obrir. Demaneu a qui el va aportar una còpia sense protecció.',
  'pdfViewer.problem.changed': 'El document ha canviat mentres s’obria. Torneu a intentar-ho.',
  'pdfViewer.problem.connection':
    'No s’ha pogut obtindre el document. Comproveu la connexió i torneu a intentar-ho.',
  'pdfViewer.signedDocument': 'Document signat',
};
