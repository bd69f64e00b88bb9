/** The English strings of the annotations part of the interface (see ../catalogue.ts). */
export const annotations = {};
