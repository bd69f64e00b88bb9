/** The English strings of the commands part of the interface (see ../catalogue.ts). */
export const commands = {};
