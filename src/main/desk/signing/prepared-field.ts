import type { PdfDocument, SignatureFieldRef } from '../pdf/document';
import type { FieldLock, PreparedField, Rect } from '../pdf/incremental';
import { PdfNumber, PdfString, type PdfDict } from '../pdf/objects';
import { SigningError } from './errors';

/** An empty signature field chosen to be filled, with what it asks of the signature. */
export interface FieldChoice {
  field: PreparedField;
  /** The widget's rectangle, normalised; a stamp is drawn there unless it is empty. */
  rect: Rect;
  /** The fields this signature locks, from the field's /Lock. */
  lock: FieldLock | null;
  /** The field's seed value dictionary (/SV). */
  seedValues: PdfDict | null;
}

const lockActions: readonly FieldLock['action'][] = ['All', 'Include', 'Exclude'];

function readLock(document: PdfDocument, value: PdfDict | null): FieldLock | null {
  const action = value?.name('Action');
  if (!value || !lockActions.includes(action as FieldLock['action'])) return null;
  const fields = document
    .array(value.get('Fields'))
    .map((field) => document.resolve(field))
    .filter((field): field is PdfString => field instanceof PdfString)
    .map((field) => field.text());
  return { action: action as FieldLock['action'], fields };
}

/** FieldMDP's scope (ISO 32000-1 12.8.2.4): a named non-terminal field covers its whole subtree. */
function locks(lock: FieldLock, field: string): boolean {
  if (lock.action === 'All') return true;
  const named = lock.fields.some((name) => field === name || field.startsWith(`${name}.`));
  return lock.action === 'Include' ? named : !named;
}

/** The field locks earlier signatures set: their FieldMDP references, and their fields' /Lock. */
function earlierLocks(document: PdfDocument, fields: readonly SignatureFieldRef[]) {
  return fields
    .filter((field) => field.value !== null)
    .flatMap((field) => {
      const references = document
        .array(field.value!.get('Reference'))
        .map((reference) => document.dict(reference))
        .filter((reference) => reference?.name('TransformMethod') === 'FieldMDP')
        .map((reference) => readLock(document, document.dict(reference!.get('TransformParams'))));
      const own = readLock(document, document.dict(field.dict.get('Lock')));
      return [...references, own]
        .filter((lock): lock is FieldLock => lock !== null)
        .map((lock) => ({ by: field.name, lock }));
    });
}

function rectOf(document: PdfDocument, widget: PdfDict): Rect {
  const numbers = document
    .array(widget.get('Rect'))
    .map((value) => document.resolve(value))
    .map((value) => (value instanceof PdfNumber ? value.value : 0));
  const [x1 = 0, y1 = 0, x2 = 0, y2 = 0] = numbers;
  return [Math.min(x1, x2), Math.min(y1, y2), Math.max(x1, x2), Math.max(y1, y2)];
}

/**
 * The empty signature field to fill: the one named, or else the only empty one. None (sign in a
 * new field) when no name is given and the document prepared no field. Refused: a name that is
 * no empty signature field, several empty fields and no name, a field an earlier signature
 * locked, and a field whose /Lock would also lock the document (PDF 2.0 /P), which we do not do.
 */
export function chooseField(document: PdfDocument, file: string, wanted?: string): FieldChoice | null {
  const fields = document.signatureFields();
  const empty = fields.filter((field) => field.fieldType === 'Sig' && field.value === null);
  let chosen: SignatureFieldRef;
  if (wanted !== undefined) {
    const named = fields.find((field) => field.name === wanted);
    if (!named) throw new SigningError('input', 'signing.field.notFound', { file, field: wanted });
    if (named.fieldType !== 'Sig')
      throw new SigningError('input', 'signing.field.notSignature', { file, field: wanted });
    if (named.value) throw new SigningError('input', 'signing.field.alreadySigned', { file, field: wanted });
    chosen = named;
  } else {
    if (empty.length === 0) return null;
    if (empty.length > 1)
      throw new SigningError('input', 'signing.field.several', {
        file,
        fields: empty.map((field) => `«${field.name}»`).join(', '),
      });
    chosen = empty[0]!;
  }
  const { field: ref, widget } = chosen;
  if (!ref || !widget)
    throw new SigningError('input', 'signing.field.unusable', { file, field: chosen.name });
  const locked = earlierLocks(document, fields).find(({ lock }) => locks(lock, chosen.name));
  if (locked)
    throw new SigningError('input', 'signing.field.locked', { file, field: chosen.name, by: locked.by });
  const lockDict = document.dict(chosen.dict.get('Lock'));
  if (lockDict?.has('P'))
    throw new SigningError('input', 'signing.field.locksDocument', { file, field: chosen.name });
  if (lockDict && !readLock(document, lockDict))
    throw new SigningError('input', 'signing.field.unusable', { file, field: chosen.name });
  return {
    field: { ref, name: chosen.name, dict: chosen.dict, widget },
    rect: rectOf(document, widget.dict),
    lock: readLock(document, lockDict),
    seedValues: document.dict(chosen.dict.get('SV')),
  };
}
