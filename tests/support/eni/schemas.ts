import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateXML, type XMLValidationResult } from 'xmllint-wasm';

const xsdDir = join(import.meta.dirname, '..', '..', '..', 'resources', 'eni', 'xsd');

/** The published schemas, as copied (SOURCE.md), by their path under resources/eni/xsd. */
const schemaFiles = [
  'w3c/xmldsig-core-schema.xsd',
  'firma/firmasEni.xsd',
  'documento-e/contenido/contenidoDocumentoEni.xsd',
  'documento-e/metadatos/metadatosDocumentoEni.xsd',
  'documento-e/documentoEni.xsd',
  'expediente-e/indice-e/contenido/IndiceContenidoExpedienteEni.xsd',
  'expediente-e/indice-e/IndiceExpedienteEni.xsd',
  'expediente-e/metadatos/MetadatosExpedienteEni.xsd',
  'expediente-e/expedienteEni.xsd',
] as const;

const namespaceOf = (schema: string): string => {
  const found = /targetNamespace="([^"]+)"/.exec(schema);
  if (!found) throw new Error('a schema without targetNamespace');
  return found[1]!;
};

/**
 * The schemas import each other by their official http addresses, which are not reachable here.
 * Instead of editing the copies, a driver schema imports every namespace from its local copy,
 * leaves first (XML-DSig before firmasEni): libxml2 then skips each later import of a namespace
 * it already has, so the copies are used exactly as published.
 */
function driverSchema(): { driver: string; preload: { fileName: string; contents: string }[] } {
  const preload = schemaFiles.map((path) => ({
    fileName: path,
    contents: readFileSync(join(xsdDir, path), 'utf8'),
  }));
  const imports = preload
    .map(
      ({ fileName, contents }) =>
        `  <xsd:import namespace="${namespaceOf(contents)}" schemaLocation="${fileName}"/>`,
    )
    .join('\n');
  const driver = `<?xml version="1.0" encoding="UTF-8"?>\n<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:despacho:eni-driver">\n${imports}\n</xsd:schema>\n`;
  return { driver, preload };
}

/** libxml2's notes that the driver's trick worked: one per import of a namespace already loaded. */
const skippedImport = /Skipping import of schema located at/;

/**
 * Validates one XML document against the NTI schemas; the root element is checked by the caller.
 * `errors` are the document's errors only (the skipped imports are left out).
 */
export async function validateAgainstEniSchemas(
  xml: Uint8Array | string,
): Promise<Pick<XMLValidationResult, 'valid' | 'errors'>> {
  const { driver, preload } = driverSchema();
  const result = await validateXML({
    xml: {
      fileName: 'document.xml',
      contents: typeof xml === 'string' ? xml : new TextDecoder().decode(xml),
    },
    schema: { fileName: 'eni-driver.xsd', contents: driver },
    preload,
  });
  return { valid: result.valid, errors: result.errors.filter((error) => !skippedImport.test(error.message)) };
}
