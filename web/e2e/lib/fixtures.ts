// fixtures.ts gives each test fresh data: `account` is a new account with its
// Owner registered through the invitation email (made only when a test asks
// for it), `operatorToken` a session of the demo operator per worker.
import { test as base, expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { createAccount, demoOperator, signIn, type TestAccount } from './api';

interface TestFixtures {
  /** A fresh account for this test, its Owner registered and signed in through the API. */
  account: TestAccount;
}

interface WorkerFixtures {
  /** A session token of the demo operator, one per worker. */
  operatorToken: string;
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  operatorToken: [
    async ({}, use) => {
      const { token } = await signIn(demoOperator.email, demoOperator.password);
      await use(token);
    },
    { scope: 'worker' },
  ],
  account: async ({ operatorToken }, use, testInfo) => {
    await use(await createAccount(operatorToken, `E2E ${testInfo.title.slice(0, 60)}`));
  },
});

export { expect };

/** Someone who signs in through the app's form. */
export interface Credentials {
  email: string;
  password: string;
}

/**
 * signInWithForm opens the app and signs in through its sign-in screen, then
 * waits until the form is gone.
 */
export async function signInWithForm(page: Page, who: Credentials, path = '/app/'): Promise<void> {
  await page.goto(path);
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'Sign in' })).toHaveCount(0);
}

/** newSignedInPage opens a second, independent browser context signed in as who. */
export async function newSignedInPage(browser: Browser, who: Credentials, path = '/app/'): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInWithForm(page, who, path);
  return { context, page };
}
