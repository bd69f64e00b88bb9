import { vi } from 'vitest';

/**
 * jsdom has no object URLs and does not follow links: the browser's download (save-file.ts) is
 * recorded instead, each file as the Blob it would have been.
 */
export function stubDownloads() {
  const blobs: Blob[] = [];
  URL.createObjectURL = vi.fn((blob: Blob) => {
    blobs.push(blob);
    return 'blob:fake';
  });
  URL.revokeObjectURL = vi.fn();
  const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
  return { blobs, click };
}
