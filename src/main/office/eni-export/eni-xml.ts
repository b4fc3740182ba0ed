import { Buffer } from 'node:buffer';
import type { ClosedCaseFile, ExportedDocument } from './case-file';

/** The namespaces of the NTI schemas v1.0 (resources/eni/xsd, SOURCE.md). */
const eni = 'http://administracionelectronica.gob.es/ENI/XSD/v1.0';
const ns = {
  expediente: `${eni}/expediente-e`,
  indice: `${eni}/expediente-e/indice-e`,
  indiceContenido: `${eni}/expediente-e/indice-e/contenido`,
  metadatosExpediente: `${eni}/expediente-e/metadatos`,
  documento: `${eni}/documento-e`,
  contenidoDocumento: `${eni}/documento-e/contenido`,
  metadatosDocumento: `${eni}/documento-e/metadatos`,
  firma: `${eni}/firma`,
} as const;

/** What VersionNTI holds: the URI of the NTI the metadata follow. */
const versionNti = { expediente: ns.expediente, documento: ns.documento } as const;

/** A closed case file is E02 (cerrado); E01 is open, E03 an index closed for remission of an open one. */
const closedState = 'E02';

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const text = (value: string | number): string => String(value).replace(/[&<>"]/g, (c) => escapes[c]!);

/** `<name>value</name>`, the value escaped; a list of children is indented one level deeper. */
function element(name: string, content: string | number | readonly string[], attributes = ''): string {
  if (typeof content === 'object') {
    const inner = content.flatMap((child) => child.split('\n').map((line) => `  ${line}`)).join('\n');
    return `<${name}${attributes}>\n${inner}\n</${name}>`;
  }
  return `<${name}${attributes}>${text(content)}</${name}>`;
}

const xmlDocument = (root: string): Uint8Array =>
  new TextEncoder().encode(`<?xml version="1.0" encoding="UTF-8"?>\n${root}\n`);

const instant = (at: Date): string => at.toISOString();

/** The case's number and each document's position make stable, readable names inside the zip. */
export function documentFileName(document: ExportedDocument): string {
  const extension = /^[a-z0-9]{1,8}$/i.test(document.format) ? document.format.toLowerCase() : 'bin';
  return `${String(document.position).padStart(3, '0')}_${document.eniId}.${extension}`;
}

/** Where the export puts each part (docs/eni-export.md). */
export const exportLayout = {
  index: 'index.xml',
  indexSignature: 'index.xml.p7s',
  document: (document: ExportedDocument) => `documents/${documentFileName(document)}`,
  metadata: (document: ExportedDocument) =>
    `metadata/${documentFileName(document).replace(/\.[^.]+$/, '')}.xml`,
} as const;

/**
 * One document as an ENI document (documentoEni): its content by reference to its file in the
 * export, and its metadata (metadatosDocumentoEni). Its own signatures live inside the file (PAdES).
 */
export function documentXml(caseFile: ClosedCaseFile, document: ExportedDocument): Uint8Array {
  const contenido = element(
    'enifile:contenido',
    [
      element('enifile:referenciaFichero', exportLayout.document(document)),
      element('enifile:NombreFormato', document.format),
    ],
    ` xmlns:enifile="${ns.contenidoDocumento}"`,
  );
  const metadatos = element(
    'enidocmeta:metadatos',
    [
      element('enidocmeta:VersionNTI', versionNti.documento),
      element('enidocmeta:Identificador', document.eniId),
      element('enidocmeta:Organo', caseFile.organ),
      element('enidocmeta:FechaCaptura', instant(document.capturedAt)),
      element('enidocmeta:OrigenCiudadanoAdministracion', document.origin === 1 ? 'true' : 'false'),
      element('enidocmeta:EstadoElaboracion', [
        element('enidocmeta:ValorEstadoElaboracion', document.elaborationState),
      ]),
      element('enidocmeta:TipoDocumental', document.documentType),
    ],
    ` xmlns:enidocmeta="${ns.metadatosDocumento}"`,
  );
  return xmlDocument(element('enidoc:documento', [contenido, metadatos], ` xmlns:enidoc="${ns.documento}"`));
}

const base64Sha256 = (hex: string): string => Buffer.from(hex, 'hex').toString('base64');

function indexedDocument(document: ExportedDocument): string {
  return element('eniconexpind:DocumentoIndizado', [
    element('eniconexpind:IdentificadorDocumento', document.eniId),
    element('eniconexpind:ValorHuella', base64Sha256(document.sha256)),
    element('eniconexpind:FuncionResumen', 'SHA256'),
    element('eniconexpind:FechaIncorporacionExpediente', instant(document.capturedAt)),
    element('eniconexpind:OrdenDocumentoExpediente', document.position),
  ]);
}

/**
 * The case file as an ENI electronic case file (expedienteEni): the electronic index
 * (IndiceExpedienteEni: each document's identifier, SHA-256 in base64, date and order) with its
 * signature by reference to the detached CAdES beside it (TF04), and the case's metadata
 * (MetadatosExpedienteEni). The CAdES covers this file's bytes exactly as written.
 */
export function caseIndexXml(caseFile: ClosedCaseFile, indexedAt: Date): Uint8Array {
  const contenido = element(
    'eniexpind:IndiceContenido',
    [
      element('eniconexpind:FechaIndiceElectronico', instant(indexedAt)),
      ...caseFile.documents.map(indexedDocument),
    ],
    ` xmlns:eniconexpind="${ns.indiceContenido}"`,
  );
  const firmas = element(
    'enids:firmas',
    [
      element('enids:firma', [
        element('enids:TipoFirma', 'TF04'),
        element('enids:ContenidoFirma', [
          element('enids:FirmaConCertificado', [
            element('enids:ReferenciaFirma', exportLayout.indexSignature),
          ]),
        ]),
      ]),
    ],
    ` xmlns:enids="${ns.firma}"`,
  );
  const indice = element('eniexpind:indice', [contenido, firmas], ` xmlns:eniexpind="${ns.indice}"`);
  const metadatos = element(
    'eniexpmeta:metadatosExp',
    [
      element('eniexpmeta:VersionNTI', versionNti.expediente),
      element('eniexpmeta:Identificador', caseFile.eniId),
      element('eniexpmeta:Organo', caseFile.organ),
      element('eniexpmeta:FechaAperturaExpediente', instant(caseFile.openedAt)),
      element('eniexpmeta:Clasificacion', caseFile.procedureCode),
      element('eniexpmeta:Estado', closedState),
      element('eniexpmeta:Interesado', caseFile.applicantNif),
    ],
    ` xmlns:eniexpmeta="${ns.metadatosExpediente}"`,
  );
  return xmlDocument(element('eniexp:expediente', [indice, metadatos], ` xmlns:eniexp="${ns.expediente}"`));
}
