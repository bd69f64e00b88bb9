import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/archive-files';

const eslint = new ESLint({ cwd: REPO_ROOT });

/** The rules that fire on `code` as if it were a file of the renderer. */
async function rulesFiredOn(code: string, file = 'src/renderer/src/components/Probe.tsx'): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(REPO_ROOT, file) });
  return result.messages.map((m) => m.ruleId ?? m.message);
}

describe('lint keeps content from becoming markup or code', () => {
  it.each([
    ['dangerouslySetInnerHTML', 'export const Note = ({ html }: { html: string }) => <p dangerouslySetInnerHTML={{ __html: html }} />;'],
    ['innerHTML', 'export function show(el: HTMLElement, note: string) { el.innerHTML = note; }'],
    ['outerHTML', 'export function show(el: HTMLElement, note: string) { el.outerHTML = note; }'],
    ['insertAdjacentHTML', "export function show(el: HTMLElement, note: string) { el.insertAdjacentHTML('beforeend', note); }"],
    ['createContextualFragment', 'export function show(note: string) { return document.createRange().createContextualFragment(note); }'],
    ['document.write', 'export function show(note: string) { document.write(note); }'],
    ['iframe srcdoc', 'export function show(frame: HTMLIFrameElement, note: string) { frame.srcdoc = note; }'],
  ])('refuses %s', async (_name, code) => {
    expect(await rulesFiredOn(code)).toContain('no-restricted-syntax');
  });

  it.each([
    ['eval', 'export const run = (code: string) => eval(code);', 'no-eval'],
    ['new Function', "export const run = (code: string) => new Function(code);", 'no-new-func'],
    ['setTimeout with a string', "export const run = () => setTimeout('alert(1)', 0);", 'no-implied-eval'],
  ])('refuses %s', async (_name, code, rule) => {
    expect(await rulesFiredOn(code, 'src/core/probe.ts')).toContain(rule);
  });

  it('lets text through as React text and textContent', async () => {
    const code = 'export const Note = ({ text }: { text: string }) => <p>{text}</p>;\nexport function show(el: HTMLElement, note: string) { el.textContent = note; }';
    expect(await rulesFiredOn(code)).toEqual([]);
  });
});
