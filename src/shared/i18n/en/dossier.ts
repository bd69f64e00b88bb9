/** The English strings of the dossier part of the interface (see ../catalogue.ts). */
export const dossier = {};
