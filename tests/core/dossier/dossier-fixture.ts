import { createHash, randomUUID } from 'node:crypto';
import { copyFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { AnchoredAnnotation } from '../../../src/core/annotations/model';
import type { DossierContent } from '../../../src/core/dossier/model';
import { Workstation } from '../../../src/core/workstation';
import { ARCHIVE_DIR, archiveFile } from '../../helpers/archive-files';

export const CREATED = new Date(Date.UTC(2024, 4, 1, 9, 30, 0));
export const TITLE = 'Kazakhstan, January 2022 — what the witnesses said';
export const AUTHOR = 'Ainur Qasymova';
export const TYPOGRAPHIC_QUOTE = '“It’s unfathomable. I can’t understand. How is this possible?”';

/** A Russian article with Kazakh letters, added to a copy of the seed archive. */
export const RUSSIAN_ID = '005_ru_almaty.txt';
export const RUSSIAN_ARTICLE = [
  'Алматы после январских событий: голоса очевидцев',
  '',
  'Автор: Айгерим Сәрсенова',
  '12 февраля 2022',
  '',
  'Президент Қасым-Жомарт Тоқаев заявил, что порядок в Алматы полностью восстановлен, однако жители города продолжают искать пропавших родственников.',
  '',
  '«Мы не знали, где наш сын, четыре дня», — рассказала Гүлнұр, жительница микрорайона Өжет.',
  '',
  'В казахском языке есть буквы ә, ғ, қ, ң, ө, ұ, ү, һ и і, которых нет в русском алфавите; их нужно передавать точно.',
  '',
  '«Қаңтар оқиғасы бәрімізге сабақ болды», — сказал Ерұлан, один из участников мирного митинга.',
  '',
].join('\n');
export const RUSSIAN_QUOTE = 'Президент Қасым-Жомарт Тоқаев заявил, что порядок в Алматы полностью восстановлен, однако жители города продолжают искать пропавших родственников.';
export const KAZAKH_QUOTE = 'буквы ә, ғ, қ, ң, ө, ұ, ү, һ и і';

export const HEADINGS = ['The official account', 'What witnesses saw', 'Aftermath'] as const;

export interface Fixture {
  ws: Workstation;
  archiveDir: string;
  /** The annotations of the stored dossier, in dossier order (quote n is annotations[n - 1]). */
  annotations: AnchoredAnnotation[];
  commentary: Map<string, string>;
  content: DossierContent;
  bytes: Uint8Array;
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * A copy of the seed archive plus the Russian article, eight annotations (a long quote over three
 * paragraphs, quotes that start mid-line, one word, typographic quotes, Cyrillic with Kazakh
 * letters) and a stored dossier in three sections with commentary, exported as PDF.
 */
export async function makeFixture(makeDir: () => Promise<string>): Promise<Fixture> {
  const archiveDir = await makeDir();
  for (const name of await readdir(ARCHIVE_DIR)) if (name.endsWith('.txt')) await copyFile(path.join(ARCHIVE_DIR, name), path.join(archiveDir, name));
  await writeFile(path.join(archiveDir, RUSSIAN_ID), RUSSIAN_ARTICLE);
  const ws = await Workstation.open({ archiveDir, dataDir: await makeDir(), now: () => CREATED });

  const doc003 = (await ws.getDocument(archiveFile('003_').name)).document;
  const doc004 = archiveFile('004_').name;
  const [, , third, , fifth] = doc003.paragraphs;
  const official = [
    await ws.annotations.annotateQuote({
      docId: doc003.id,
      quote: 'Tokayev ordered security forces to fire without warning',
      note: 'The shoot-to-kill order.',
      tags: ['shoot-to-kill', 'Tokayev'],
      color: 'orange',
    }),
    await ws.annotations.annotateQuote({ docId: doc003.id, quote: 'According to official data, 8,000 people were arrested.', note: 'Official arrest figure.', color: 'blue' }),
    await ws.annotations.annotateQuote({ docId: RUSSIAN_ID, quote: RUSSIAN_QUOTE, note: 'Официальная версия.', tags: ['Тоқаев'], color: 'yellow' }),
  ];
  const witnesses = [
    await ws.annotations.annotateQuote({ docId: doc004, quote: TYPOGRAPHIC_QUOTE, note: 'A witness’s disbelief.', tags: ['witness', 'Almaty'] }),
    await ws.annotations.annotateQuote({ docId: RUSSIAN_ID, quote: KAZAKH_QUOTE, note: 'Kazakh letters.', color: 'green' }),
    await ws.annotations.annotateQuote({ docId: doc003.id, quote: 'Zhanaozen', occurrence: 2, color: 'pink', note: 'The 2011 precedent.' }),
  ];
  const aftermath = [
    await ws.annotations.create({ docId: doc003.id, start: third.start, end: fifth.end, note: 'How it spread.', color: 'blue' }),
    await ws.annotations.annotateQuote({ docId: archiveFile('001_').name, quote: 'Hundreds remain in custody on charges including terrorism', note: 'Still detained.', color: 'green' }),
  ];
  const commentary = new Map([
    [official[0].id, 'Compare with the interview, where the order follows the attacks on police stations.'],
    [witnesses[0].id, 'The same words recur in two reports.'],
  ]);
  const dossier = await ws.dossiers.create('january', {
    title: TITLE,
    author: AUTHOR,
    date: '2024-04-30',
    introduction: 'What witnesses, officials and journalists said about January 2022.\nEvery quote can be checked against the archive.',
  });
  const section = (heading: string, list: AnchoredAnnotation[]) => ({
    id: randomUUID(),
    heading,
    items: list.map((a) => ({ annotationId: a.id, commentary: commentary.get(a.id) ?? '' })),
  });
  await ws.dossiers.update(dossier.id, {
    sections: [section(HEADINGS[0], official), section(HEADINGS[1], witnesses), section(HEADINGS[2], aftermath)],
  });
  const { content } = ws.dossiers.content('january');
  const exported = await ws.dossiers.export('january', 'pdf');
  return { ws, archiveDir, annotations: [...official, ...witnesses, ...aftermath], commentary, content, bytes: exported.bytes };
}
