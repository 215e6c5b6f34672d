// Takes the README's screenshots (docs/screenshots) of the main screens, on
// the demo data that `roster dev` seeds: `make screenshots`. One test, in
// order, because each picture builds on the state the previous one left.
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { demoOperator, gql, setRecipients, signIn, type TestAccount } from '../lib/api';
import { dialog, openUsersTab, row } from '../lib/app';
import { signInWithForm } from '../lib/fixtures';

const outDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../docs/screenshots');
const demoPassword = demoOperator.password;

async function shot(page: Page, name: string): Promise<void> {
  // Let transitions and the web fonts settle.
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(outDir, `${name}.png`), animations: 'disabled' });
}

async function demoAccount(): Promise<{ account: TestAccount; ids: Record<string, string> }> {
  const owner = await signIn('owner@acme.test', demoPassword);
  const d = await gql(
    `{ accounts(first: 1) { edges { node { id name members(pageSize: 20) { items { user { id email } } } } } } }`,
    {},
    owner.token,
  );
  const node = d.accounts.edges[0].node;
  const ids: Record<string, string> = {};
  for (const m of node.members.items) ids[m.user.email] = m.user.id;
  return {
    account: {
      id: node.id,
      name: node.name,
      owner: { id: owner.userId, email: 'owner@acme.test', name: 'Owen Owner', password: demoPassword, role: 'OWNER', token: owner.token },
    },
    ids,
  };
}

test('screenshots of the main screens', async ({ page, browser }) => {
  const { account, ids } = await demoAccount();
  await setRecipients(account, 'TECHNICAL', [ids['finance@acme.test']]);
  await setRecipients(account, 'BILLING', [ids['admin@acme.test'], ids['user@acme.test']]);

  await page.goto('/app/sign-in');
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await shot(page, 'sign-in');

  // Operator: the explorer, and the impact of deactivating the sole billing contact left.
  await signInWithForm(page, demoOperator);
  await expect(page.getByRole('table', { name: 'Users' }).getByRole('row', { name: 'Owen Owner' })).toBeVisible();
  await shot(page, 'operator-user-explorer');
  await page.getByRole('table', { name: 'Users' }).getByRole('link', { name: 'Fiona Finance' }).click();
  await page.getByRole('button', { name: 'Deactivate user' }).click();
  await expect(dialog(page, 'Deactivate Fiona Finance everywhere?')).toBeVisible();
  await shot(page, 'operator-deactivate-user');
  await dialog(page, 'Deactivate Fiona Finance everywhere?').getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('button', { name: 'User menu for Olivia Operator' }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();

  // The Owner invites a messy list.
  await signInWithForm(page, account.owner);
  await openUsersTab(page, account);
  await page.getByRole('button', { name: 'Invite users' }).click();
  const invite = dialog(page, `Invite users to ${account.name}`);
  await invite
    .getByLabel('Email addresses')
    .fill('grace@acme.test, linus@acme.test; ken@acme.test\nnot-an-address admin@acme.test');
  await invite.getByRole('button', { name: 'Send invitations' }).click();
  await expect(invite.getByRole('status')).toBeVisible();
  await shot(page, 'invite-dialog');
  await invite.getByRole('button', { name: 'Done' }).click();

  // Deactivating two users, one the only technical contact: warnings first.
  await page.getByRole('checkbox', { name: 'Select Fiona Finance' }).check();
  await page.getByRole('checkbox', { name: 'Select Uma User' }).check();
  await page.getByRole('toolbar', { name: 'Bulk actions' }).getByRole('button', { name: 'Deactivate (2)' }).click();
  const confirm = dialog(page, 'Deactivate 2 users?');
  await expect(confirm.getByRole('alert')).toBeVisible();
  await shot(page, 'users-confirm-deactivate');
  await confirm.getByRole('button', { name: 'Deactivate 2 users' }).click();
  await expect(dialog(page, 'Deactivate: 2 done, 0 refused')).toBeVisible();
  await shot(page, 'users-bulk-results');
  await dialog(page, 'Deactivate: 2 done, 0 refused').getByRole('button', { name: 'Close' }).click();

  const nav = page.getByRole('navigation', { name: 'Main navigation' });
  await nav.getByRole('link', { name: 'Invitations' }).click();
  await expect(page.getByRole('table', { name: 'Invitations' }).getByRole('row', { name: 'ken@acme.test' })).toContainText('Sent');
  await shot(page, 'invitations');
  await nav.getByRole('link', { name: 'Notification recipients' }).click();
  await expect(page.getByRole('region', { name: 'Technical contacts' }).getByRole('row', { name: 'Fiona Finance' })).toBeVisible();
  await shot(page, 'recipients');

  // The Users tab on a phone.
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'en-US', timezoneId: 'UTC' });
  const phonePage = await phone.newPage();
  await signInWithForm(phonePage, { email: 'admin@acme.test', password: demoPassword });
  await openUsersTab(phonePage, account);
  await expect(row(phonePage, 'Uma User')).toContainText('Inactive');
  await shot(phonePage, 'users-390px');
  await phone.close();
});
