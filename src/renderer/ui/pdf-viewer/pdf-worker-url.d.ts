/** Vite's `?url`: the worker is bundled as a file of the app and loaded from its own origin. */
declare module 'pdfjs-dist/build/pdf.worker.min.mjs?url' {
  const url: string;
  export default url;
}
