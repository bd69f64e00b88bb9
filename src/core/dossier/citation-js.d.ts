/** The part of citation-js (npm "@citation-js/*", CommonJS, no types of their own) that source-export.ts uses. */
declare module '@citation-js/core' {
  export class Cite {
    /** Reads CSL-JSON items, or text in a format a plugin parses (BibTeX, RIS). */
    constructor(data: unknown);
    /** The items as CSL-JSON. */
    data: Array<Record<string, unknown>>;
    format(format: 'bibtex' | 'biblatex' | 'data', options?: { format?: 'text' }): string;
    /** RIS records as objects (tag → value or values), or as text. */
    format(format: 'ris', options: { format: 'object'; spec?: 'mixed' | 'new' | 'old' }): Array<Record<string, string | string[]>>;
  }
  export const plugins: {
    config: { get(plugin: '@bibtex'): { format: { asciiOnly: boolean; useIdAsLabel: boolean; checkLabel: boolean } } };
  };
}

declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-ris';
