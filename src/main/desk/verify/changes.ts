import type { PdfDocument } from '../pdf/document';
import { PdfDict, PdfRef, PdfStream, serialize, type PdfObject } from '../pdf/objects';

export type ChangeKind = 'none' | 'signatures' | 'content';

export interface ChangesAfter {
  kind: ChangeKind;
  /** Objects whose change touches the content (not signatures, fields or annotations). */
  contentObjects: number[];
}

const annotationLike = (dict: PdfDict) =>
  ['Sig', 'DocTimeStamp', 'Annot', 'XRef', 'ObjStm', 'Font', 'FontDescriptor', 'Encoding'].includes(
    dict.name('Type') ?? '',
  ) ||
  dict.name('Subtype') === 'Widget' ||
  dict.has('FT') ||
  dict.name('Subtype') === 'Form';

function fingerprint(value: PdfObject, ignore: readonly string[] = []): string {
  if (value instanceof PdfStream)
    return `${fingerprint(value.dict, ['Length', ...ignore])}:${Buffer.from(value.data).toString('base64')}`;
  if (value instanceof PdfDict) {
    const copy = value.clone();
    for (const key of ignore) copy.entries.delete(key);
    return serialize(copy);
  }
  return serialize(value);
}

/**
 * Classifies what later revisions changed relative to `before`: new or changed signature
 * dictionaries, fields, widgets, annotations, their appearances and the form/annotation arrays
 * are "signatures"; a page or catalog that changed beyond its /Annots or /AcroForm, or any other
 * object, is "content".
 */
export function changesAfter(before: PdfDocument, latest: PdfDocument): ChangesAfter {
  const changed = new Set<number>();
  for (const section of latest.sections) {
    if (section.offset < before.end) continue;
    for (const num of section.entries.keys()) changed.add(num);
  }
  if (changed.size === 0) return { kind: 'none', contentObjects: [] };
  const info = latest.trailer.get('Info');
  const contentObjects: number[] = [];
  for (const num of changed) {
    const now = latest.getObject(num);
    const was = before.entries.has(num) ? before.getObject(num) : undefined;
    if (was !== undefined && fingerprint(was) === fingerprint(now)) continue;
    if (info instanceof PdfRef && info.num === num) continue;
    if (Array.isArray(now)) continue;
    const dict = now instanceof PdfStream ? now.dict : now instanceof PdfDict ? now : null;
    if (dict && annotationLike(dict)) continue;
    if (dict && was !== undefined && (was instanceof PdfDict || was instanceof PdfStream)) {
      const type = dict.name('Type');
      const ignore =
        type === 'Page'
          ? ['Annots']
          : type === 'Catalog'
            ? ['AcroForm', 'DSS', 'Extensions', 'Perms']
            : dict.has('Fields')
              ? ['Fields', 'SigFlags', 'DR', 'DA', 'NeedAppearances']
              : [];
      if (ignore.length > 0 && fingerprint(was, ignore) === fingerprint(now, ignore)) continue;
    }
    if (dict && was === undefined && dict.has('Fields')) continue;
    contentObjects.push(num);
  }
  return {
    kind: contentObjects.length > 0 ? 'content' : 'signatures',
    contentObjects: contentObjects.sort((a, b) => a - b),
  };
}
