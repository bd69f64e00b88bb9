// @vitest-environment jsdom
/** The web shell's page takes its access token from the printed URL once, then from this tab's sessionStorage. */
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AccessTokenMissing } from '../../src/renderer/src/access/AccessTokenMissing';
import { takeAccessToken } from '../../src/renderer/src/access/access-token';

/** Loads `address` in this tab, as the browser would when the user opens it. */
function open(address: string): void {
  window.history.replaceState(null, '', address);
}

beforeEach(() => {
  window.sessionStorage.clear();
  open('/');
});

afterEach(cleanup);

describe('the web shell’s access token in the page', () => {
  it('takes it from the printed URL and leaves the address without it', () => {
    open('/?token=first-token');
    expect(takeAccessToken()).toBe('first-token');
    expect(window.location.search).toBe('');
    expect(window.location.pathname).toBe('/');
    expect(window.location.href).not.toContain('first-token');
  });

  it('finds it again on a reload, when the address no longer carries it', () => {
    open('/?token=first-token');
    takeAccessToken();
    expect(takeAccessToken()).toBe('first-token');
  });

  it('keeps the rest of the address', () => {
    open('/?token=first-token&view=reader#annotation-7');
    expect(takeAccessToken()).toBe('first-token');
    expect(`${window.location.pathname}${window.location.search}${window.location.hash}`).toBe('/?view=reader#annotation-7');
  });

  it('has none in a tab that never saw the printed URL', () => {
    expect(takeAccessToken()).toBeNull();
  });

  it('takes the newer printed URL’s token (a restarted shell draws a new one)', () => {
    open('/?token=first-token');
    takeAccessToken();
    open('/?token=second-token');
    expect(takeAccessToken()).toBe('second-token');
    open('/');
    expect(takeAccessToken()).toBe('second-token');
  });

  it('without a token the page says to open the address the shell printed', () => {
    render(<AccessTokenMissing />);
    expect(screen.getByRole('heading', { name: 'Open the address Casefile printed' })).toBeTruthy();
    expect(screen.getByText(/\?token=/)).toBeTruthy();
  });
});
