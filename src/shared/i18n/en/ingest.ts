/** The English strings of the ingest part of the interface (see ../catalogue.ts). */
export const ingest = {};
