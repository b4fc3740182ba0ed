/**
 * What is done to every PDF the office generates (resolutions, reports, amendment requests, paper
 * notices) before it is hashed, stored or signed. A desk's composition chooses it (the training
 * desk's watermark); the office itself never marks anything and never asks which desk it runs on.
 */
export type GeneratedPdfMark = (pdf: Uint8Array) => Promise<Uint8Array>;

/** A freshly rendered PDF with the desk's mark, if its composition gave one. */
export async function markedPdf(
  mark: GeneratedPdfMark | undefined,
  rendered: Promise<Uint8Array>,
): Promise<Uint8Array> {
  const pdf = await rendered;
  return mark ? mark(pdf) : pdf;
}
