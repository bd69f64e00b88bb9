import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { uiFilePath } from '../../src/shell/ui-files';

const root = path.resolve('/srv/casefile-ui');

describe('uiFilePath (the one check both shells use to serve the built UI)', () => {
  it('maps / to index.html and other paths to files under the root', () => {
    expect(uiFilePath(root, '/')).toBe(path.join(root, 'index.html'));
    expect(uiFilePath(root, '/assets/index.js')).toBe(path.join(root, 'assets', 'index.js'));
  });

  it.each(['/../package.json', '/%2e%2e/package.json', '/..%2fpackage.json', '/assets/%00.js', '/%E0%A4%A', '/%2e%2e'])(
    'refuses %s',
    (pathname) => {
      expect(uiFilePath(root, pathname)).toBeNull();
    },
  );
});
