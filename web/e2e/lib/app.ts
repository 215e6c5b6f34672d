// app.ts names the admin app's screens the way a person finds them: by role
// and accessible name (web/README.md lists the names the app guarantees).
import { expect, type Locator, type Page } from '@playwright/test';
import type { TestAccount } from './api';

/** usersTab opens an account's Users tab and returns its table once loaded. */
export async function openUsersTab(page: Page, account: TestAccount): Promise<Locator> {
  await page.goto(`/app/accounts/${account.id}/users`);
  const table = page.getByRole('table', { name: 'Users' });
  await expect(table).toBeVisible();
  return table;
}

/** row returns the Users table's row of the member named name. */
export function row(page: Page, name: string): Locator {
  return page.getByRole('table', { name: 'Users' }).getByRole('row', { name, exact: true });
}

/** rowAction opens the row menu of name and picks item. */
export async function rowAction(page: Page, name: string, item: string): Promise<void> {
  await page.getByRole('button', { name: `Actions for ${name}` }).click();
  await page.getByRole('menuitem', { name: item }).click();
}

/** dialog returns the open modal dialog whose title is name. */
export function dialog(page: Page, name: string | RegExp): Locator {
  return page.getByRole('dialog', { name });
}
