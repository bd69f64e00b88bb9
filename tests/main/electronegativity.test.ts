import { spawn } from 'node:child_process';
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/archive-files';
import { tempDirs } from '../helpers/temp-dir';

const temp = tempDirs('casefile-electronegativity-');
afterAll(temp.cleanup);

const SHELL_FILES = ['src/main/index.ts', 'src/main/window-security.ts', 'src/main/ipc.ts', 'src/preload/index.ts', 'src/renderer/index.html'];

/** The Electron shell's files in a fresh folder, with `change` applied to one of them. */
async function shellCopy(change?: { file: string; from: string | RegExp; to: string }): Promise<string> {
  const dir = await temp.make();
  for (const file of SHELL_FILES) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await cp(path.join(REPO_ROOT, file), path.join(dir, file));
  }
  if (change) {
    const target = path.join(dir, change.file);
    const before = await readFile(target, 'utf8');
    const after = before.replace(change.from, change.to);
    expect(after, `the change to ${change.file} applies`).not.toBe(before);
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

describe('electronegativity gate over the Electron shell', () => {
  it('passes the shell as it is, and fails it when a checklist item is taken away', async () => {
    const cases = [
      { expect: null },
      { expect: 'CONTEXT_ISOLATION_JS_CHECK', change: { file: 'src/main/index.ts', from: 'contextIsolation: true', to: 'contextIsolation: false' } },
      { expect: 'SANDBOX_JS_CHECK', change: { file: 'src/main/index.ts', from: 'sandbox: true', to: 'sandbox: false' } },
      { expect: 'WEB_SECURITY_JS_CHECK', change: { file: 'src/main/index.ts', from: 'webSecurity: true', to: 'webSecurity: false' } },
      { expect: 'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK', change: { file: 'src/main/window-security.ts', from: /session\.setPermissionRequestHandler\([^\n]*\n/, to: '' } },
      { expect: 'LIMIT_NAVIGATION_GLOBAL_CHECK', change: { file: 'src/main/window-security.ts', from: /contents\.setWindowOpenHandler\([\s\S]*?contents\.on\('will-navigate'[\s\S]*?\}\);\n/, to: '' } },
      { expect: 'CSP_GLOBAL_CHECK', change: { file: 'src/renderer/index.html', from: /<meta http-equiv="Content-Security-Policy"[^>]*>/, to: '' } },
    ];
    const results = await Promise.all(cases.map(async (c) => ({ ...c, result: await gate(await shellCopy(c.change)) })));
    for (const { expect: check, result } of results) {
      if (check === null) {
        expect(result.output).not.toContain('NOT JUSTIFIED');
        expect(result.code, result.output).toBe(0);
      } else {
        expect(result.output).toMatch(new RegExp(`NOT JUSTIFIED: ${check}`));
        expect(result.code).toBe(1);
      }
    }
  }, 120_000);
});
