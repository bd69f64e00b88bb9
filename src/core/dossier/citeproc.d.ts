/** The part of citeproc-js (npm "citeproc", CommonJS, no types of its own) that citation.ts uses. */
declare module 'citeproc' {
  interface CiteprocSys {
    retrieveLocale(lang: string): string | undefined;
    retrieveItem(id: string): object;
  }

  interface CiteprocEngine {
    setOutputFormat(format: 'text' | 'html' | 'rtf'): void;
    updateItems(ids: string[]): void;
    /** [formatting parameters, one string per entry] */
    makeBibliography(): [object, string[]] | false;
  }

  const CSL: {
    Engine: new (sys: CiteprocSys, style: string, lang?: string, forceLang?: boolean) => CiteprocEngine;
  };
  export default CSL;
}
