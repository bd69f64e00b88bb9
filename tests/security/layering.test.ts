/**
 * The layering rule (eslint.config.js, `layering`): imports are judged on the path they resolve to,
 * so a fixture climbing any number of folders is refused as surely as a neighbour's. Each fixture
 * is linted as if it stood at the given place in the tree.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/archive-files';

const eslint = new ESLint({ cwd: REPO_ROOT });

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${REPO_ROOT}${filePath}` });
  return result.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

const refused: Array<[string, string, string]> = [
  ['the core importing the Electron shell by a path that climbs out of src and back', 'src/core/search/fixture.ts', "import { registerIpc } from '../../../src/main/ipc';\nexport const f = registerIpc;"],
  ['the core importing the Electron shell two folders up', 'src/core/search/fixture.ts', "import { registerIpc } from '../../main/ipc';\nexport const f = registerIpc;"],
  ['the core importing the web shell', 'src/core/search/fixture.ts', "import { startWebShell } from '../../web/server';\nexport const f = startWebShell;"],
  ['the core importing the renderer', 'src/core/fixture.ts', "import { App } from '../renderer/src/App';\nexport const f = App;"],
  ['the core importing the CLI', 'src/core/fixture.ts', "import { runCommandLine } from '../cli/commands';\nexport const f = runCommandLine;"],
  ['the Electron shell importing the web shell', 'src/main/fixture.ts', "import { startWebShell } from '../web/server';\nexport const f = startWebShell;"],
  ['the web shell importing the CLI', 'src/web/fixture.ts', "import { runCommandLine } from '../cli/commands';\nexport const f = runCommandLine;"],
  ['the renderer importing core code (not only types)', 'src/renderer/src/fixture.ts', "import { apiMethods } from '../../core/api';\nexport const f = apiMethods;"],
  ['the renderer importing a type from a core module, not the API\'s types', 'src/renderer/src/fixture.ts', "import type { AnchoredAnnotation } from '../../core/annotations/model';\nexport type A = AnchoredAnnotation;"],
  ['the renderer naming a core module\'s type with import()', 'src/renderer/src/fixture.ts', "export type Info = import('../../core/workstation').WorkstationInfo;"],
  ['the renderer importing a value from the API\'s types', 'src/renderer/src/fixture.ts', "import { HighlightColor } from '../../core/api/types';\nexport const f = HighlightColor;"],
  ['a renderer test importing a type from a core module, not the API\'s types', 'tests/renderer/fixture.test.ts', "import type { Dossier } from '../../src/core/dossier/dossier-store';\nexport type D = Dossier;"],
  ['the renderer importing a Node shell', 'src/renderer/src/fixture.ts', "import { CONTENT_SECURITY_POLICY } from '../../shell/csp';\nexport const f = CONTENT_SECURITY_POLICY;"],
  ['shared code importing Node', 'src/shared/fixture.ts', "import { readFile } from 'node:fs/promises';\nexport const f = readFile;"],
  ['shared code importing a shell', 'src/shared/fixture.ts', "import { CONTENT_SECURITY_POLICY } from '../shell/csp';\nexport const f = CONTENT_SECURITY_POLICY;"],
  ['the preload importing the core', 'src/preload/fixture.ts', "import { apiMethods } from '../core/api';\nexport const f = apiMethods;"],
];

describe('the layering rule', () => {
  it.each(refused)('refuses %s', async (_what, file, code) => {
    expect((await problems(file, code)).some((p) => /^(boundaries\/dependencies|@typescript-eslint\/no-restricted-imports|no-restricted-imports):/.test(p))).toBe(true);
  });

  it('allows what the layers may use: shared and shell code from the shells, the API\'s types in the renderer', async () => {
    expect(await problems('src/main/fixture.ts', "import { CONTENT_SECURITY_POLICY } from '../shell/csp';\nimport { COMMANDS } from '../shared/commands';\nexport const f = [CONTENT_SECURITY_POLICY, COMMANDS];")).toEqual([]);
    expect(await problems('src/web/fixture.ts', "import { parsePort } from '../shell/args';\nimport { apiMethods } from '../core/api';\nexport const f = [parsePort, apiMethods];")).toEqual([]);
    expect(await problems('src/renderer/src/fixture.ts', "import type { WorkstationInfo } from '../../core/api/types';\nimport { COMMANDS } from '../../shared/commands';\nexport type W = WorkstationInfo;\nexport const f = COMMANDS;")).toEqual([]);
    expect(await problems('tests/renderer/fixture.test.ts', "import type { Dossier } from '../../src/core/api/types';\nexport type D = Dossier;")).toEqual([]);
  });
});
