/** pdf.js's worker module (pdfjs-dist ships no types for it): only its message handler is used, in place. */
declare module 'pdfjs-dist/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
