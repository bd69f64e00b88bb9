import { spawn } from 'node:child_process';
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/archive-files';
import { tempDirs } from '../helpers/temp-dir';

const temp = tempDirs('casefile-electronegativity-');
afterAll(temp.cleanup);

const SHELL_FILES = ['src/main/index.ts', 'src/main/window-security.ts', 'src/main/ipc.ts', 'src/preload/index.ts', 'src/renderer/index.html'];

interface Change {
  /** The finding electronegativity must report once the change is made. */
  check: string;
  file: string;
  from: string | RegExp;
  to: string;
}

/** The Electron shell's files in a fresh folder, with `changes` applied. */
async function shellCopy(changes: Change[] = []): Promise<string> {
  const dir = await temp.make();
  for (const file of SHELL_FILES) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await cp(path.join(REPO_ROOT, file), path.join(dir, file));
  }
  for (const change of changes) {
    const target = path.join(dir, change.file);
    const before = await readFile(target, 'utf8');
    const after = before.replace(change.from, change.to);
    expect(after, `the change for ${change.check} applies`).not.toBe(before);
    await writeFile(target, after);
  }
  return dir;
}

/** The CI gate (scripts/electronegativity.mjs) over a folder: its exit code and what it printed. */
function gate(input: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(REPO_ROOT, 'scripts/electronegativity.mjs'), '--input', input, '--offline'], { cwd: REPO_ROOT });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('close', (code) => resolve({ code, output }));
  });
}

/**
 * Checklist items taken away. The window's settings go together; each global check (permissions,
 * navigation, CSP) gets a run of its own, since electronegativity's global checks can mask one another.
 */
const WEAKENED: Change[][] = [
  [
    { check: 'CONTEXT_ISOLATION_JS_CHECK', file: 'src/main/index.ts', from: 'contextIsolation: true', to: 'contextIsolation: false' },
    { check: 'SANDBOX_JS_CHECK', file: 'src/main/index.ts', from: 'sandbox: true', to: 'sandbox: false' },
    { check: 'WEB_SECURITY_JS_CHECK', file: 'src/main/index.ts', from: 'webSecurity: true', to: 'webSecurity: false' },
  ],
  [{ check: 'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK', file: 'src/main/window-security.ts', from: /session\.setPermissionRequestHandler\([^\n]*\n/, to: '' }],
  [{ check: 'LIMIT_NAVIGATION_GLOBAL_CHECK', file: 'src/main/window-security.ts', from: /contents\.setWindowOpenHandler\([\s\S]*?contents\.on\('will-navigate'[\s\S]*?\}\);\n/, to: '' }],
  [{ check: 'CSP_GLOBAL_CHECK', file: 'src/renderer/index.html', from: /<meta http-equiv="Content-Security-Policy"[^>]*>/, to: '' }],
];

describe('electronegativity gate over the Electron shell', () => {
  // electronegativity's global checks read the findings of the file checks they depend on, and under a
  // loaded CPU its CSP check was seen once (of many runs) to miss a removed CSP; the runs go one after
  // another, and a miss is tried again before the test fails. The CSP's presence is also pinned by
  // tests/shell/csp.test.ts, which does not depend on the tool.
  it('passes the shell as it is, and fails it, naming the item, when a checklist item is taken away', { retry: 2, timeout: 240_000 }, async () => {
    const runs: Array<{ code: number | null; output: string }> = [];
    for (const changes of [[], ...WEAKENED]) runs.push(await gate(await shellCopy(changes)));
    const [intact, ...weakened] = runs;
    expect(intact.output).not.toContain('NOT JUSTIFIED');
    expect(intact.code, intact.output).toBe(0);
    WEAKENED.forEach((changes, i) => {
      for (const { check } of changes) expect(weakened[i].output).toContain(`NOT JUSTIFIED: ${check}`);
      expect(weakened[i].code).toBe(1);
    });
  });
});
