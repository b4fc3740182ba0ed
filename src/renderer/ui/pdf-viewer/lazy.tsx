import { lazy } from 'react';

/**
 * pdf.js is large: the viewer loads when a document is first opened, not with the desk. A page
 * that shows one wraps it in <Suspense>.
 */
export const LazyCaseDocumentDialog = lazy(() =>
  import('./CaseDocumentViewer').then((module) => ({ default: module.CaseDocumentDialog })),
);

export const LazyCaseDocumentViewer = lazy(() =>
  import('./CaseDocumentViewer').then((module) => ({ default: module.CaseDocumentViewer })),
);
