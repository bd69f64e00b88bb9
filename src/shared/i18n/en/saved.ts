/** "3 new, 1 changed": what a saved search found since it was last looked at. */
function fresh(added: number, changed: number): string {
  const parts = [added > 0 ? `${added.toLocaleString('en')} new` : '', changed > 0 ? `${changed.toLocaleString('en')} changed` : ''].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : 'nothing new';
}

/** The English strings of saved searches (see ../catalogue.ts): a search kept by name, which says what is new in it. */
export const saved = {
  /** The fold beside the search box. */
  title: 'Saved searches',
  fresh,
  save: 'Save this search…',
  saveHint: 'Type a query first, then save it with its options to see later what is new in it.',
  empty: 'No saved searches yet. Save the current search to be told later which documents are new or changed in it.',
  listLabel: 'Saved searches',
  rename: 'Rename',
  renameLabel: (name: string) => `Rename “${name}”`,
  delete: 'Delete',
  deleteLabel: (name: string) => `Delete “${name}”`,
  saveDialog: {
    title: 'Save search',
    name: 'Name',
    what: 'Saved with its options:',
    replaces: (name: string) => `A saved search is named “${name}” already: saving replaces it.`,
    submit: 'Save',
    saved: (name: string) => `Saved “${name}”.`,
  },
  renameDialog: {
    title: 'Rename saved search',
    name: 'New name',
    submit: 'Rename',
    taken: (name: string) => `Another saved search is named “${name}”.`,
  },
  deleteDialog: {
    title: 'Delete saved search?',
    body: (name: string) => `“${name}” will be removed from the list. The documents and their annotations stay as they are.`,
    confirm: 'Delete',
  },
  /** What a saved search asks, in a line under its name. */
  options: {
    query: (query: string) => `“${query}”`,
    newest: 'newest first',
    oldest: 'oldest first',
    exact: 'exact words',
    from: (day: string) => `from ${day}`,
    to: (day: string) => `to ${day}`,
    source: (source: string) => `source “${source}”`,
    entity: (name: string) => `naming ${name}`,
    starred: 'starred',
    tags: (tags: string) => `tagged ${tags}`,
  },
  /** Above the results of a saved search just opened. */
  opened: (name: string, added: number, changed: number) =>
    added + changed > 0
      ? `Saved search “${name}”: ${fresh(added, changed)} since you last looked, shown first.`
      : `Saved search “${name}”: nothing new since you last looked.`,
  badgeNew: 'New',
  badgeChanged: 'Changed',
  failed: (problem: string) => `Saved searches: ${problem}`,
};
