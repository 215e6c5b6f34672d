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

  // Operator: bulk deactivation in the explorer asks the API first and shows the impact.
  await page.getByRole('button', { name: 'User menu for Owen Owner' }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await signInWithForm(page, demoOperator);
  const explorer = page.getByRole('table', { name: 'Users' });
  await explorer.getByRole('checkbox', { name: 'Select Ada Admin' }).check();
  await explorer.getByRole('checkbox', { name: 'Select Owen Owner' }).check();
  await page.getByRole('toolbar', { name: 'Bulk actions' }).getByRole('button', { name: 'Deactivate (2)' }).click();
  const bulk = dialog(page, 'Deactivate 2 users everywhere?');
  await expect(bulk.getByRole('list', { name: 'Active in' })).toBeVisible();
  await shot(page, 'operator-bulk-deactivate');
  await bulk.getByRole('button', { name: 'Cancel' }).click();

  // Operator: a webhook endpoint, its secret shown once, then its deliveries.
  await nav.getByRole('link', { name: 'Webhooks' }).click();
  await page.getByRole('button', { name: 'Add endpoint' }).click();
  const add = dialog(page, 'Add a webhook endpoint');
  await add.getByLabel('URL').fill('http://localhost:9/roster-events');
  await add.getByLabel('Description').fill('Mailbox service: purge on detach');
  await add.getByRole('checkbox', { name: 'member.deactivated' }).check();
  await add.getByRole('checkbox', { name: 'member.detached' }).check();
  await add.getByRole('checkbox', { name: 'user.deactivated' }).check();
  await add.getByRole('button', { name: 'Add endpoint' }).click();
  await expect(add.getByRole('status')).toContainText('whsec_');
  await shot(page, 'webhook-secret');
  await add.getByRole('button', { name: 'Done' }).click();
  await gql(`mutation($a: ID!, $u: [ID!]!) { deactivateMembers(accountId: $a, userIds: $u) { totalCount } }`, { a: account.id, u: [ids['admin@acme.test']] }, account.owner.token);
  await page.getByRole('table', { name: 'Webhook endpoints' }).getByRole('link', { name: 'http://localhost:9/roster-events' }).click();
  await expect(page.getByRole('table', { name: 'Deliveries' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Deliveries' })).toContainText('Retrying', { timeout: 30_000 });
  await shot(page, 'webhook-deliveries');

  // SCIM: the account switched to an external directory, a token shown once.
  await page.goto(`/app/accounts/${account.id}/settings`);
  await page.getByRole('textbox', { name: 'User directory' }).click();
  await page.getByRole('option', { name: 'External directory' }).click();
  await page.getByRole('button', { name: 'Save settings' }).click();
  const scim = page.getByRole('region', { name: 'SCIM provisioning' });
  await scim.getByRole('button', { name: 'Create SCIM token' }).click();
  const token = dialog(page, 'Create a SCIM token');
  await token.getByLabel('Description').fill('Okta production');
  await token.getByRole('button', { name: 'Create token' }).click();
  await expect(token.getByRole('status')).toBeVisible();
  await token.getByRole('button', { name: 'Done' }).click();
  await expect(scim.getByRole('table', { name: 'SCIM tokens' }).getByRole('row', { name: 'Okta production' })).toBeVisible();
  await shot(page, 'scim-settings');
});
