/** The web shell's address of a document's original file (`?id=<document id>`, the access token in its header). */
export const ORIGINAL_FILE_PATH = '/api/original';
