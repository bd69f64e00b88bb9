/**
 * The archive's entities: every document's names (extract.ts) grouped across spellings and scripts
 * by their folded keys, a surname alone joined to the one full name it belongs to, then the edits
 * made by hand (merges, splits) applied in order.
 */
import type { Candidate } from './extract';
import { nameKey } from './extract';
import { normalizeTerm } from '../search/tokenizer';
import type { KnownName } from './gazetteer';
import type { EntityEdit, EntityType } from './types';

/** A mention of an entity: a candidate with the document it is in. */
export interface Located extends Candidate {
  doc: string;
}

export interface Group {
  id: string;
  name: string;
  type: EntityType;
  mentions: Located[];
}

/** The readable form of a folded key: its one-letter sounds spelled out (S → sh, C → ch, J → zh). */
function readable(keys: readonly string[]): string {
  return keys
    .map((k) => k.replace(/S/gu, 'sh').replace(/C/gu, 'ch').replace(/J/gu, 'zh').toLowerCase())
    .join('-')
    .replace(/[^\p{L}\p{N}-]/gu, '');
}

/** A gazetteer name as an id: lower case, words joined by hyphens ("kassym-jomart-tokayev"). */
function slug(name: string): string {
  return normalizeTerm(name).replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/gu, '');
}

function idOf(type: EntityType, keys: readonly string[]): string {
  return `${type}:${readable(keys)}`;
}

/** What groups a candidate: the gazetteer's entry, a person's first and last name, or all its words. */
function groupKeyOf(c: Candidate, type: EntityType): string {
  if (c.known) return `known:${c.known.name}`;
  if (type === 'person' && c.keys.length >= 2) return `person:${c.keys[0]} ${c.keys[c.keys.length - 1]}`;
  return `${type}:${c.keys.join(' ')}`;
}

interface Building {
  type: EntityType;
  known: KnownName | null;
  keys: string[];
  mentions: Located[];
}

/**
 * Groups the candidates of every document into entities (before edits). A single word no rule
 * typed joins a group only when the archive knows it: the surname of exactly one person, or the
 * whole name of a group.
 */
export function groupCandidates(candidates: readonly Located[]): Map<string, Building> {
  const groups = new Map<string, Building>();
  const put = (key: string, c: Located, type: EntityType, keys: string[]) => {
    let group = groups.get(key);
    if (!group) {
      group = { type, known: c.known, keys, mentions: [] };
      groups.set(key, group);
    }
    group.mentions.push(c);
  };
  const typed = candidates.filter((c) => c.type !== null && !(c.type === 'person' && c.keys.length === 1 && !c.known));
  for (const c of typed) {
    const type = c.type as EntityType;
    put(groupKeyOf(c, type), c, type, c.known ? nameKeysOfKnown(c.known) : type === 'person' ? [c.keys[0], c.keys[c.keys.length - 1]] : c.keys);
  }
  // Surnames (and first names) of the full names: one alone joins its one full name.
  const bySurname = new Map<string, Set<string>>();
  const byFirstName = new Map<string, Set<string>>();
  const byWholeKey = new Map<string, string>();
  for (const [key, group] of groups) {
    if (group.type === 'person') {
      const surnames = new Set(group.mentions.filter((m) => m.keys.length >= 2).map((m) => m.keys[m.keys.length - 1]));
      if (group.known) surnames.add(group.keys[group.keys.length - 1]);
      for (const surname of surnames) bySurname.set(surname, (bySurname.get(surname) ?? new Set()).add(key));
      for (const m of group.mentions) if (m.keys.length >= 2) byFirstName.set(m.keys[0], (byFirstName.get(m.keys[0]) ?? new Set()).add(key));
    }
    for (const m of group.mentions) if (!byWholeKey.has(m.keys.join(' '))) byWholeKey.set(m.keys.join(' '), key);
  }
  const only = (owners: Set<string> | undefined): string | null => (owners && owners.size === 1 ? [...owners][0] : null);
  const surnameOwner = (key: string): string | null => only(bySurname.get(key)) ?? (bySurname.has(key) ? null : only(byFirstName.get(key)));
  for (const c of candidates) {
    if (c.type === 'person' && c.keys.length === 1 && !c.known) {
      const owner = surnameOwner(c.keys[0]);
      put(owner ?? `person:${c.keys[0]}`, c, 'person', owner ? (groups.get(owner) as Building).keys : c.keys);
    }
  }
  // Names no rule typed: counted when the archive knows them from elsewhere, a Latin one as written
  // there ("Zhovtis" at a sentence's start; not "Kyrgyzstani" for Kyrgyzstan, nor "Sat" for Sayat).
  const writtenIn = new Map<string, Set<string>>();
  for (const [key, group] of groups) {
    for (const m of group.mentions) {
      const words = m.text.split(/\s+/u);
      for (const w of m.keys.length === 1 ? words : [words[words.length - 1]]) writtenIn.set(normalizeTerm(w), (writtenIn.get(normalizeTerm(w)) ?? new Set()).add(key));
    }
  }
  for (const c of candidates) {
    if (c.type !== null) continue;
    const whole = c.keys.join(' ');
    const byKey = byWholeKey.get(whole) ?? (c.keys.length === 1 ? (only(bySurname.get(c.keys[0])) ?? (groups.has(`person:${c.keys[0]}`) ? `person:${c.keys[0]}` : null)) : null);
    const owner = /\p{Script=Cyrillic}/u.test(c.text) || c.keys.length > 1 ? byKey : only(writtenIn.get(normalizeTerm(c.text)));
    if (owner) groups.get(owner)?.mentions.push(c);
  }
  return groups;
}

const knownKeys = new WeakMap<KnownName, string[]>();

function nameKeysOfKnown(entry: KnownName): string[] {
  let keys = knownKeys.get(entry);
  if (!keys) {
    keys = entry.name.split(/\s+/u).map(nameKey);
    knownKeys.set(entry, keys);
  }
  return keys;
}

/** The name shown: the gazetteer's (Russian when no Latin spelling is seen), else the most written of the fullest spellings. */
function displayName(group: Building): string {
  const written = countSpellings(group.mentions);
  if (group.known) {
    const latinSeen = [...written.keys()].some((s) => /\p{Script=Latin}/u.test(s));
    return latinSeen || !group.known.ru ? group.known.name : group.known.ru;
  }
  return mostWritten(written, group.mentions);
}

function countSpellings(mentions: readonly Located[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of mentions) counts.set(m.text, (counts.get(m.text) ?? 0) + 1);
  return counts;
}

/** The spelling with the most words, then the most often written, then the first in order. */
function mostWritten(counts: Map<string, number>, mentions: readonly Located[]): string {
  const words = (s: string) => s.split(/[\s]+/u).length;
  return [...counts.entries()].sort(([a, na], [b, nb]) => words(b) - words(a) || nb - na || a.localeCompare(b))[0]?.[0] ?? mentions[0]?.text ?? '';
}

/** Resolves an id given by hand to a group now: by id, else by a group holding a spelling with the id's key. */
function resolve(groups: readonly Group[], id: string): Group | undefined {
  const exact = groups.find((g) => g.id === id);
  if (exact) return exact;
  const [type, key] = id.split(':', 2);
  return groups.find((g) => g.type === type && g.mentions.some((m) => readable(m.keys) === key));
}

function uniqueId(taken: ReadonlySet<string>, id: string): string {
  if (!taken.has(id)) return id;
  let n = 2;
  while (taken.has(`${id}-${n}`)) n++;
  return `${id}-${n}`;
}

/** The groups with their ids and names, and the edits made by hand applied in order. */
export function finishGroups(building: Map<string, Building>, edits: readonly EntityEdit[]): Group[] {
  const taken = new Set<string>();
  let groups: Group[] = [...building.values()]
    .filter((g) => g.mentions.length > 0)
    .map((g) => ({ g, keys: g.known ? nameKeysOfKnown(g.known) : g.keys }))
    .sort((a, b) => b.g.mentions.length - a.g.mentions.length || readable(a.keys).localeCompare(readable(b.keys)))
    .map(({ g, keys }) => {
      const id = uniqueId(taken, g.known ? `${g.type}:${slug(g.known.name)}` : idOf(g.type, keys));
      taken.add(id);
      return { id, name: displayName(g), type: g.type, mentions: g.mentions };
    });
  for (const edit of edits) {
    if (edit.kind === 'merge') {
      const parts = [...new Set(edit.ids.map((id) => resolve(groups, id)).filter((g): g is Group => g !== undefined))];
      if (parts.length < 2) continue;
      const [into, ...rest] = parts;
      into.mentions = [...into.mentions, ...rest.flatMap((g) => g.mentions)].sort((a, b) => a.doc.localeCompare(b.doc) || a.start - b.start);
      if (edit.name) into.name = edit.name;
      groups = groups.filter((g) => !rest.includes(g));
    } else {
      const from = resolve(groups, edit.id);
      if (!from) continue;
      const leaving = new Set(edit.variants);
      const moved = from.mentions.filter((m) => leaving.has(m.text));
      if (moved.length === 0 || moved.length === from.mentions.length) continue;
      from.mentions = from.mentions.filter((m) => !leaving.has(m.text));
      if (leaving.has(from.name)) from.name = mostWritten(countSpellings(from.mentions), from.mentions);
      const name = mostWritten(countSpellings(moved), moved);
      const id = uniqueId(new Set(groups.map((g) => g.id)), idOf(from.type, moved.find((m) => m.text === name)?.keys ?? moved[0].keys));
      groups.push({ id, name, type: from.type, mentions: moved });
    }
  }
  return groups;
}
