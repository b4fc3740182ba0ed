import { lazy } from 'react';

/**
 * pdf.js is large: the viewer loads when a page lists documents (see `preloadViewer`) or opens one,
 * not with the desk. A page that shows one wraps it in <Suspense>.
 */
export const LazyCaseDocumentDialog = lazy(() =>
  import('./CaseDocumentViewer').then((module) => ({ default: module.CaseDocumentDialog })),
);

export const LazyCaseDocumentViewer = lazy(() =>
  import('./CaseDocumentViewer').then((module) => ({ default: module.CaseDocumentViewer })),
);

/**
 * Loads the viewer's code and starts pdf.js's worker before the first document is opened: on a
 * busy machine they took 1.5 s of that document's first page (bench/review, run 1). A page that
 * lists documents calls it once it is idle.
 */
export function preloadViewer(): void {
  void import('./CaseDocumentViewer');
  void import('./load-pdf').then((module) => module.startPdfWorker());
}
