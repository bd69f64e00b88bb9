/** One Content-Security-Policy for both shells: nothing inline, nothing remote, no plugins, no framing, no HTML from strings. */
const DIRECTIVES: ReadonlyArray<[directive: string, sources: string]> = [
  ['default-src', "'self'"],
  ['script-src', "'self'"],
  ['style-src', "'self'"],
  ['img-src', "'self' data: blob:"],
  ['font-src', "'self'"],
  ['connect-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
  ['frame-ancestors', "'none'"],
  // Trusted Types: the page may hand no string to an HTML or script sink (innerHTML, eval, …) at all,
  // and may create no policy that would let it; React renders text without them.
  ['require-trusted-types-for', "'script'"],
  ['trusted-types', "'none'"],
];

const policy = (directives: typeof DIRECTIVES) => directives.map(([directive, sources]) => `${directive} ${sources}`).join('; ');

/** Sent as a header with every answer of both shells. */
export const CONTENT_SECURITY_POLICY = policy(DIRECTIVES);

/**
 * The copy in index.html's <meta> tag, which also guards the page if it is ever opened some other
 * way. A <meta> policy cannot carry frame-ancestors (browsers ignore it there with an error), so
 * that one lives in the header only.
 */
export const PAGE_CONTENT_SECURITY_POLICY = policy(DIRECTIVES.filter(([directive]) => directive !== 'frame-ancestors'));
