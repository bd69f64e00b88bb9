/** The English strings of document marks (see ../catalogue.ts): a star and tags on whole documents. */
export const marks = {
  star: 'Star',
  starred: 'Starred',
  /** The star button's name; the document's title describes it. */
  starLabel: 'Star this document',
  tagsLabel: 'Document tags',
  tagsPlaceholder: 'tags, separated by commas',
  saveTags: 'Save tags',
  failed: (problem: string) => `The marks were not saved: ${problem}`,
  filterStarred: 'Starred documents only',
  filterTags: 'With document tags',
  activeStarred: 'starred',
  activeTags: (tags: string) => `tagged ${tags}`,
};
