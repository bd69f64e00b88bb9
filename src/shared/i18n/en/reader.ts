/** The English strings of the reader part of the interface (see ../catalogue.ts). */
export const reader = {};
