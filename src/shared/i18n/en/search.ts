/** The English strings of the search part of the interface (see ../catalogue.ts). */
export const search = {};
