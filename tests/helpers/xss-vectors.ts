/**
 * Classic XSS vectors (after the OWASP XSS filter evasion cheat sheet, mutation XSS and Markdown
 * link tricks). Each one that ever ran would set `window.__xss` and open an alert, so a test can see
 * it: the sentinel stays undefined and no dialog opens only if every one stayed text.
 */
export const XSS_VECTORS: readonly string[] = [
  '<script>window.__xss=1;alert(1)</script>',
  '<img src=x onerror="window.__xss=2;alert(2)">',
  '<svg onload="window.__xss=3;alert(3)">',
  '<svg><script>window.__xss=4;alert(4)</script></svg>',
  '<iframe src="javascript:parent.__xss=5;alert(5)"></iframe>',
  '<iframe srcdoc="<script>parent.__xss=6;alert(6)</script>"></iframe>',
  '<a href="javascript:window.__xss=7;alert(7)">click me</a>',
  '<a href="JaVaScRiPt:window.__xss=8;alert(8)">click me</a>',
  '<a href="&#106;avascript:window.__xss=9;alert(9)">click me</a>',
  '<body onload="window.__xss=10;alert(10)">',
  '<input autofocus onfocus="window.__xss=11;alert(11)">',
  '<details open ontoggle="window.__xss=12;alert(12)">',
  '<video><source onerror="window.__xss=13;alert(13)"></video>',
  '<audio src=x onerror="window.__xss=14;alert(14)">',
  '<object data="javascript:window.__xss=15;alert(15)"></object>',
  '<embed src="javascript:window.__xss=16;alert(16)">',
  '<math><mtext><table><mglyph><style><img src=x onerror="window.__xss=17;alert(17)">',
  '<form action="javascript:window.__xss=18;alert(18)"><button>go</button></form>',
  '<meta http-equiv="refresh" content="0;url=javascript:window.__xss=19;alert(19)">',
  '<base href="javascript:window.__xss=20;alert(20)//">',
  '<div style="background:url(javascript:window.__xss=21)">styled</div>',
  "<style>@import 'javascript:window.__xss=22';</style>",
  '<link rel="stylesheet" href="javascript:window.__xss=23">',
  '"><script>window.__xss=24;alert(24)</script>',
  "'><img src=x onerror=window.__xss=25;alert(25)>",
  '</textarea><script>window.__xss=26;alert(26)</script>',
  '</title><script>window.__xss=27;alert(27)</script>',
  '<scr<script>ipt>window.__xss=28;alert(28)</scr</script>ipt>',
  '<IMG SRC=javascript:window.__xss=29;alert(29)>',
  '<img src="x" onerror="&#119;indow.__xss=30;alert(30)">',
  '<svg><a xlink:href="javascript:window.__xss=31;alert(31)"><text x="20" y="20">XSS</text></a></svg>',
  '<noscript><p title="</noscript><img src=x onerror=window.__xss=32;alert(32)>">',
  "{{constructor.constructor('window.__xss=33;alert(33)')()}}",
  '<marquee onstart="window.__xss=34;alert(34)">moving</marquee>',
  '<select autofocus onfocus="window.__xss=35;alert(35)"></select>',
  'javascript:window.__xss=36;alert(36)',
  '[click me](javascript:window.__xss=37;alert(37))',
  '![x](javascript:window.__xss=38;alert(38))',
  '[a]: javascript:window.__xss=39;alert(39)',
  '<javascript:window.__xss=40;alert(40)>',
  '&lt;script&gt;window.__xss=41;alert(41)&lt;/script&gt;',
  'data:text/html;base64,PHNjcmlwdD53aW5kb3cuX194c3M9NDI7YWxlcnQoNDIpPC9zY3JpcHQ+',
];

/**
 * Elements that could run code, load something or navigate if content ever became markup, and that
 * the app itself never draws (its own forms, inputs and <details> folds are left out).
 */
export const ACTIVE_ELEMENTS = 'script, iframe, frame, object, embed, img, svg, math, video, audio, source, meta, base, link, style, marquee, noscript, a[href]';

/** What the checks need of a DOM element: jsdom's, linkedom's or a browser's. */
export interface InspectableElement {
  tagName: string;
  outerHTML: string;
  textContent: string | null;
  attributes: ArrayLike<{ name: string; value: string }>;
  querySelectorAll(selectors: string): ArrayLike<InspectableElement>;
}

/** Every element under `root` with an event-handler attribute, or an address with a script scheme. */
export function activeAttributes(root: InspectableElement): string[] {
  const found: string[] = [];
  for (const element of [root, ...Array.from(root.querySelectorAll('*'))]) {
    for (const { name, value } of Array.from(element.attributes)) {
      if (/^on/i.test(name) || (/^(href|src|action|formaction|data|xlink:href|srcdoc)$/i.test(name) && /^\s*(javascript|vbscript|data):/i.test(value))) {
        found.push(`<${element.tagName.toLowerCase()} ${name}="${value}">`);
      }
    }
  }
  return found;
}
