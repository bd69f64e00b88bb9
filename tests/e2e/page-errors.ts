import { expect, test } from './web-shell';

/** In every test of the calling file: uncaught errors in the page fail the test. */
export function failOnPageErrors(): void {
  let pageErrors: string[] = [];
  test.beforeEach(({ page }) => {
    pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });
  test.afterEach(() => expect(pageErrors).toEqual([]));
}
