import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, PAGE_CONTENT_SECURITY_POLICY } from '../../src/shell/csp';
import { REPO_ROOT } from '../helpers/archive-files';

/** The policy as directive → sources. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...sources]) => [name, sources]),
  );
}

const policy = directives(CONTENT_SECURITY_POLICY);

describe('content security policy (both shells)', () => {
  it('runs only the app’s own script files: no inline script, no eval, no remote origin', () => {
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|unsafe-hashes|wasm-unsafe-eval|strict-dynamic|nonce-|sha256-/);
  });

  it('names no origin but its own for anything: every source is self, none, or an in-page data:/blob: image', () => {
    for (const [name, sources] of policy) {
      if (name === 'img-src') expect(sources).toEqual(["'self'", 'data:', 'blob:']);
      else if (name === 'require-trusted-types-for') expect(sources).toEqual(["'script'"]);
      else expect(sources.every((s) => s === "'self'" || s === "'none'"), `${name}: ${sources.join(' ')}`).toBe(true);
    }
  });

  it('requires Trusted Types and allows no policy: no string reaches innerHTML, eval or a script URL', () => {
    expect(policy.get('require-trusted-types-for')).toEqual(["'script'"]);
    expect(policy.get('trusted-types')).toEqual(["'none'"]);
  });

  it('closes plugins, <base>, form posts and framing, and falls back to self', () => {
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(policy.get('form-action')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
  });
});

describe('the page’s own copy of the policy', () => {
  it('index.html carries the same policy in a <meta> tag, less frame-ancestors (which a <meta> tag cannot set)', () => {
    const html = readFileSync(path.join(REPO_ROOT, 'src/renderer/index.html'), 'utf8');
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html);
    expect(meta?.[1]).toBe(PAGE_CONTENT_SECURITY_POLICY);
    expect(PAGE_CONTENT_SECURITY_POLICY).toBe(CONTENT_SECURITY_POLICY.replace("; frame-ancestors 'none'", ''));
  });

  it('has no inline script, event handler or remote resource in index.html', () => {
    const html = readFileSync(path.join(REPO_ROOT, 'src/renderer/index.html'), 'utf8');
    for (const script of html.match(/<script\b[^>]*>[\s\S]*?<\/script>/g) ?? []) expect(script).toMatch(/<script [^>]*src="\.\/[^"]+"[^>]*><\/script>/);
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
    expect(html).not.toMatch(/(?:src|href)="(?:https?:)?\/\//i);
  });
});
