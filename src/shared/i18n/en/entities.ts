import { plural } from './plural';

type EntityType = 'person' | 'organization' | 'place';

/** The English strings of the entities (see ../catalogue.ts): facets in the search pane, the entity page, merge and split by hand. */
export const entities = {
  /** A name or spelling in running text. */
  quoted: (name: string) => `“${name}”`,
  facets: {
    label: 'People, organisations and places in the results',
    groups: { person: 'People', organization: 'Organisations', place: 'Places' } satisfies Record<EntityType, string>,
    /** A facet's button: filters the results by the entity. */
    filterBy: (name: string, documents: number) => `Show only results mentioning ${name} (${plural(documents, 'document')})`,
    documents: (n: number) => plural(n, 'document'),
    /** Holds the visible “Page”, for speech input. */
    open: (name: string) => `Open the page of ${name}`,
    openShort: 'Page',
    /** The filter shown above the results. */
    shown: (name: string) => `Mentioning ${name}`,
    remove: (name: string) => `Remove the filter “mentioning ${name}”`,
    none: 'No people, organisations or places found in these results.',
    more: (n: number) => `${n} more`,
    fewer: 'Fewer',
  },
  page: {
    loading: 'Reading the entity…',
    unreadable: (problem: string) => `The entity could not be read: ${problem}`,
    types: { person: 'Person', organization: 'Organisation', place: 'Place' } satisfies Record<EntityType, string>,
    summary: (mentions: number, documents: number) => `${plural(mentions, 'mention')} in ${plural(documents, 'document')}`,
    variants: 'Spellings',
    mentions: 'Mentions',
    mentionsShown: (shown: number, all: number) => `The first ${shown} of ${all}`,
    openMention: (title: string) => `Open ${title} at this mention`,
    documents: 'Documents',
    documentMentions: (n: number) => plural(n, 'mention'),
    openDocument: (title: string) => `Open ${title}`,
    related: 'Appear with it',
    together: (n: number) => `in ${plural(n, 'document')} together`,
    showRelated: (name: string) => `Show the page of ${name}`,
    filter: 'Show only results mentioning it',
    close: 'Close',
    back: (name: string) => `Back to ${name}`,
  },
  merge: {
    title: 'Merge with other entities',
    help: 'Tick the entities that are the same as this one: they become one, under this name.',
    candidates: (name: string) => `Entities to merge into ${name}`,
    filter: 'Find an entity',
    none: 'No other entity of this kind matches.',
    submit: 'Merge…',
    confirmTitle: 'Merge entities',
    confirm: 'Merge',
    question: (name: string, others: string) => `Make ${others} one entity with ${name}? Their mentions and spellings come under ${name}. The merge is kept in the data folder; it can be undone by splitting the spellings off again.`,
    done: (name: string, n: number) => `Merged: ${name} now takes in ${n === 1 ? '1 other entity' : `${n} other entities`}.`,
  },
  split: {
    title: 'Split off spellings',
    help: 'Tick the spellings that name someone or something else: they leave this entity and form a new one.',
    submit: 'Split off…',
    needOne: 'Tick at least one spelling, and leave at least one.',
    confirmTitle: 'Split off spellings',
    confirm: 'Split off',
    question: (variants: string, name: string) => `Take ${variants} out of ${name} and make a new entity of them? The split is kept in the data folder.`,
    done: (variants: string) => `Split off: ${variants} now form an entity of their own.`,
  },
};
