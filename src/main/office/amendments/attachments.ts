import { PDFDocument } from 'pdf-lib';
import { maxReplyAttachmentBytes, maxReplyTotalBytes } from '../../../shared/api/amendments';
import { ApiError } from '../../../shared/api/errors';

export interface ReplyFile {
  name: string;
  bytes: Uint8Array;
}

const pdfHeader = Buffer.from('%PDF-');

/**
 * Checks every file of a reply before anything is stored: each within the size cap, all of them
 * within the total, each a PDF by its header and by being parsed. One bad file refuses the whole
 * reply (nothing half-registered), with the file's position in `file`.
 */
export async function readReplyFiles(
  attachments: readonly { name: string; contentBase64: string }[],
): Promise<ReplyFile[]> {
  const files = attachments.map(({ name, contentBase64 }) => ({
    name,
    bytes: new Uint8Array(Buffer.from(contentBase64, 'base64')),
  }));
  let total = 0;
  for (const [index, file] of files.entries()) {
    total += file.bytes.length;
    if (file.bytes.length === 0 || file.bytes.length > maxReplyAttachmentBytes)
      throw new ApiError('invalid_input', {
        field: 'attachments',
        reason: 'attachment_size',
        file: index + 1,
        max: maxReplyAttachmentBytes / 1024,
      });
    if (!(await isPdf(file.bytes)))
      throw new ApiError('invalid_input', {
        field: 'attachments',
        reason: 'attachment_not_pdf',
        file: index + 1,
      });
  }
  if (total > maxReplyTotalBytes)
    throw new ApiError('invalid_input', {
      field: 'attachments',
      reason: 'attachments_total',
      max: maxReplyTotalBytes / 1024,
    });
  return files;
}

async function isPdf(bytes: Uint8Array): Promise<boolean> {
  if (!Buffer.from(bytes.subarray(0, pdfHeader.length)).equals(pdfHeader)) return false;
  try {
    const document = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false });
    return document.getPageCount() > 0;
  } catch {
    return false;
  }
}
