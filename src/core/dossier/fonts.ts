import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

/** TrueType faces for the dossier. Noto Serif covers Latin, Cyrillic (Kazakh letters included) and typographic punctuation. */
export interface DossierFonts {
  regular: Uint8Array;
  italic: Uint8Array;
  bold: Uint8Array;
}

const FACES = {
  regular: '@expo-google-fonts/noto-serif/400Regular/NotoSerif_400Regular.ttf',
  italic: '@expo-google-fonts/noto-serif/400Regular_Italic/NotoSerif_400Regular_Italic.ttf',
  bold: '@expo-google-fonts/noto-serif/700Bold/NotoSerif_700Bold.ttf',
} as const;

let cached: Promise<DossierFonts> | undefined;

export function loadDossierFonts(): Promise<DossierFonts> {
  cached ??= (async () => {
    const require = createRequire(import.meta.url);
    const [regular, italic, bold] = await Promise.all(
      [FACES.regular, FACES.italic, FACES.bold].map((face) => readFile(require.resolve(face))),
    );
    return { regular, italic, bold };
  })();
  return cached;
}
