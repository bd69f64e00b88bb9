/** The English strings of the app part of the interface (see ../catalogue.ts). */
export const app = {};
