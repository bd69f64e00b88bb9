/** How web boilerplate (menus, teasers, "Read more" prompts) is labelled where it is shown dimmed: the reader and the dossier's Sources appendix. */
export const BOILERPLATE_LABEL = 'web page furniture — not searched';
