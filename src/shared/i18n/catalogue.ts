import { annotations as enAnnotations } from './en/annotations';
import { batch as enBatch } from './en/batch';
import { marks as enMarks } from './en/marks';
import { app as enApp } from './en/app';
import { commands as enCommands } from './en/commands';
import { dossier as enDossier } from './en/dossier';
import { duplicates as enDuplicates } from './en/duplicates';
import { entities as enEntities } from './en/entities';
import { figures as enFigures } from './en/figures';
import { ingest as enIngest } from './en/ingest';
import { messages as enMessages } from './en/messages';
import { reader as enReader } from './en/reader';
import { saved as enSaved } from './en/saved';
import { search as enSearch } from './en/search';
import { suggestions as enSuggestions } from './en/suggestions';
import { timeline as enTimeline } from './en/timeline';
import type { Language } from './language';
import { annotations as ruAnnotations } from './ru/annotations';
import { batch as ruBatch } from './ru/batch';
import { marks as ruMarks } from './ru/marks';
import { app as ruApp } from './ru/app';
import { commands as ruCommands } from './ru/commands';
import { dossier as ruDossier } from './ru/dossier';
import { duplicates as ruDuplicates } from './ru/duplicates';
import { entities as ruEntities } from './ru/entities';
import { figures as ruFigures } from './ru/figures';
import { ingest as ruIngest } from './ru/ingest';
import { messages as ruMessages } from './ru/messages';
import { reader as ruReader } from './ru/reader';
import { saved as ruSaved } from './ru/saved';
import { search as ruSearch } from './ru/search';
import { suggestions as ruSuggestions } from './ru/suggestions';
import { timeline as ruTimeline } from './ru/timeline';

/**
 * Every string of the interface, by part of the window. English is the source; each other language
 * is typed as English is, so a string missing from a translation (or a counted one given as plain
 * text) does not compile. A string that counts takes the count (and the language's plural forms
 * through `counted`); one that names something takes it as an argument, never by concatenation.
 */
const english = { app: enApp, search: enSearch, reader: enReader, annotations: enAnnotations, dossier: enDossier, ingest: enIngest, commands: enCommands, duplicates: enDuplicates, messages: enMessages, figures: enFigures, timeline: enTimeline, batch: enBatch, marks: enMarks, entities: enEntities, saved: enSaved, suggestions: enSuggestions };
export type Catalogue = typeof english;

const russian: Catalogue = { app: ruApp, search: ruSearch, reader: ruReader, annotations: ruAnnotations, dossier: ruDossier, ingest: ruIngest, commands: ruCommands, duplicates: ruDuplicates, messages: ruMessages, figures: ruFigures, timeline: ruTimeline, batch: ruBatch, marks: ruMarks, entities: ruEntities, saved: ruSaved, suggestions: ruSuggestions };

const CATALOGUES: Record<Language, Catalogue> = { en: english, ru: russian };

export function catalogueFor(language: Language): Catalogue {
  return CATALOGUES[language];
}
