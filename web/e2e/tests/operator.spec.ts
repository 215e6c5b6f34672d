// Operator screens: global deactivation with its confirmation and its effect
// in the account, and the accounts list.
import { addMember, demoOperator, linkWith, setRecipients, unique, waitForMail } from '../lib/api';
import { dialog, openUsersTab, row } from '../lib/app';
import { expect, newSignedInPage, signInWithForm, test } from '../lib/fixtures';

test('an operator deactivates a user everywhere after confirming, and the account sees it', async ({ page, browser, account }) => {
  const dana = await addMember(account, 'ADMINISTRATOR', 'Dana Deactivated');
  await setRecipients(account, 'TECHNICAL', [dana.id]);
  // The Owner watches the account's Users tab meanwhile.
  const owner = await newSignedInPage(browser, account.owner);
  await openUsersTab(owner.page, account);
  await expect(row(owner.page, 'Dana Deactivated')).toContainText('Active');

  await signInWithForm(page, demoOperator);
  await page.getByLabel('Search').fill(dana.email);
  const explorer = page.getByRole('table', { name: 'Users' });
  await expect(explorer.getByRole('row')).toHaveCount(2);
  await explorer.getByRole('link', { name: 'Dana Deactivated' }).click();
  await expect(page.getByRole('heading', { name: 'Dana Deactivated' })).toBeVisible();
  await expect(page.getByText('Deactivating this user silences these lists')).toBeVisible();

  await page.getByRole('button', { name: 'Deactivate user' }).click();
  const confirm = dialog(page, 'Deactivate Dana Deactivated everywhere?');
  await expect(confirm.getByRole('alert')).toContainText(`${account.name}: the technical list will have no active recipient.`);
  await expect(confirm).toContainText('Active in 1 account, which lose a working member:');
  await expect(confirm.getByRole('listitem').filter({ hasText: account.name }).last()).toBeVisible();
  // Cancelling changes nothing.
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByRole('button', { name: 'Deactivate user' })).toBeVisible();

  await page.getByRole('button', { name: 'Deactivate user' }).click();
  await confirm.getByRole('button', { name: 'Deactivate', exact: true }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByRole('button', { name: 'Activate user' })).toBeVisible();
  // The membership keeps its own status.
  await expect(page.getByRole('table', { name: 'Memberships' }).getByRole('row', { name: account.name })).toContainText('Active');

  // In the account: inactive, and why (the membership itself is kept).
  await owner.page.reload();
  await expect(row(owner.page, 'Dana Deactivated')).toContainText('Inactive — deactivated platform-wide');
  await owner.page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Notification recipients' }).click();
  await expect(owner.page.getByRole('region', { name: 'Technical contacts' }).getByRole('row', { name: 'Dana Deactivated' })).toContainText(
    'Inactive — gets nothing',
  );
  await owner.context.close();

  // Dana can no longer sign in.
  const danaCtx = await browser.newContext();
  const danaPage = await danaCtx.newPage();
  await danaPage.goto('/app/sign-in');
  await danaPage.getByLabel('Email').fill(dana.email);
  await danaPage.getByLabel('Password').fill(dana.password);
  await danaPage.getByRole('button', { name: 'Sign in' }).click();
  await expect(danaPage.getByRole('alert')).toContainText('USER_INACTIVE');
  await danaCtx.close();

  // Activating again sends nothing by itself.
  await page.getByRole('button', { name: 'Activate user' }).click();
  await expect(page.getByRole('button', { name: 'Deactivate user' })).toBeVisible();
});

test('an operator creates an account and its Owner gets the invitation', async ({ page }) => {
  const name = `E2E Created ${unique()}`;
  const ownerEmail = `created-owner-${unique()}@e2e.test`;
  await signInWithForm(page, demoOperator);
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Accounts' }).click();
  await page.getByRole('button', { name: 'Create account' }).click();
  const create = dialog(page, 'Create an account');
  await create.getByLabel('Account name').fill(name);
  await create.getByLabel("Owner's email").fill(ownerEmail);
  await create.getByRole('button', { name: 'Create account' }).click();
  await expect(create.getByRole('status')).toHaveText(`${name} is created; ${ownerEmail} is invited as its Owner.`);
  await create.getByRole('button', { name: 'Done' }).click();
  await expect(create).toBeHidden();
  const mail = await waitForMail(ownerEmail);
  expect(mail.subject).toContain(name);
  await page.getByLabel('Search').fill(name);
  await expect(page.getByRole('table', { name: 'Accounts' }).getByRole('row', { name })).toBeVisible();
});

test('an operator mails a welcome link to who never signed in and a reset link to who did', async ({ page, browser, account }) => {
  const uma = await addMember(account, 'USER', 'Uma User');
  const ada = await addMember(account, 'ADMINISTRATOR', 'Ada Admin');
  const adaSession = await newSignedInPage(browser, ada); // Ada has signed in now
  await adaSession.context.close();
  await signInWithForm(page, demoOperator);

  await page.goto(`/app/operator/users/${uma.id}`);
  await expect(page.getByText('Never signed in: a welcome email lets them set a password.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Send password reset email' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Send welcome email' }).click();
  await expect(page.getByText(`Welcome email with a set-password link queued for ${uma.email}.`)).toBeVisible();
  const welcome = await waitForMail(uma.email, (m) => m.links.some((l) => l.includes('/app/set-password')));

  await page.goto(`/app/operator/users/${ada.id}`);
  await expect(page.getByText('Has signed in before: a password reset email lets them choose a new password.')).toBeVisible();
  await page.getByRole('button', { name: 'Send password reset email' }).click();
  await expect(page.getByText(`Password reset email queued for ${ada.email}.`)).toBeVisible();
  await waitForMail(ada.email, (m) => m.links.some((l) => l.includes('/app/reset-password')));

  // Uma follows the welcome link and chooses a password.
  const umaCtx = await browser.newContext();
  const umaPage = await umaCtx.newPage();
  await umaPage.goto(linkWith(welcome, '/app/set-password'));
  await umaPage.getByRole('textbox', { name: 'New password', exact: true }).fill('uma-chose-this-1');
  await umaPage.getByLabel('Repeat the new password').fill('uma-chose-this-1');
  await umaPage.getByRole('button', { name: 'Save password' }).click();
  await expect(umaPage.getByRole('status')).toContainText('Password saved');
  await umaCtx.close();
});

test('an operator deactivates, activates and deletes users in bulk from the explorer, with per-row results', async ({ page, account }) => {
  const ada = await addMember(account, 'ADMINISTRATOR', 'Ada Admin');
  await addMember(account, 'USER', 'Uma User');
  await setRecipients(account, 'BILLING', [ada.id]);
  await signInWithForm(page, demoOperator);
  await page.goto(`/app/operator/users?account=${account.id}`);
  const explorer = page.getByRole('table', { name: 'Users' });
  await expect(explorer.getByRole('row')).toHaveCount(4); // header, Owner, Ada, Uma
  for (const name of ['Ada Admin', 'Uma User', account.owner.name]) await explorer.getByRole('checkbox', { name: `Select ${name}` }).check();
  const toolbar = page.getByRole('toolbar', { name: 'Bulk actions' });
  await expect(toolbar.getByRole('button', { name: /^Delete/ })).toBeDisabled(); // only inactive users can be deleted
  await toolbar.getByRole('button', { name: 'Deactivate (3)' }).click();

  const confirm = dialog(page, 'Deactivate 3 users everywhere?');
  await expect(confirm.getByRole('alert')).toContainText(`${account.name}: the billing list will have no active recipient`);
  await expect(confirm.getByRole('list', { name: 'Active in' })).toContainText(`Ada Admin: ${account.name}`);
  await confirm.getByRole('button', { name: 'Deactivate 3 users' }).click();
  const deactivated = dialog(page, 'Deactivate: 3 done, 0 refused');
  await expect(deactivated.getByRole('table', { name: 'Results' }).getByRole('row').filter({ hasText: 'now Inactive' })).toHaveCount(3);
  await deactivated.getByRole('button', { name: 'Close' }).click();
  for (const name of ['Ada Admin', 'Uma User', account.owner.name]) await expect(explorer.getByRole('row', { name })).toContainText('Inactive');

  // Activating: only the inactive among the selected count; no confirmation.
  await explorer.getByRole('checkbox', { name: 'Select Ada Admin' }).check();
  await expect(toolbar.getByRole('button', { name: /^Deactivate/ })).toBeDisabled(); // none of them is active
  await toolbar.getByRole('button', { name: 'Activate (1)' }).click();
  const activated = dialog(page, 'Activate: 1 done, 0 refused');
  await expect(activated.getByRole('table', { name: 'Results' }).getByRole('row').filter({ hasText: 'Ada Admin' })).toContainText('now Active');
  await activated.getByRole('button', { name: 'Close' }).click();
  await expect(explorer.getByRole('row', { name: 'Ada Admin' })).not.toContainText('Inactive');
  await expect(explorer.getByRole('row', { name: 'Uma User' })).toContainText('Inactive');

  // Deleting: only the inactive count; the Owner of an account is refused on
  // its row, the other goes.
  for (const name of ['Ada Admin', 'Uma User', account.owner.name]) await explorer.getByRole('checkbox', { name: `Select ${name}` }).check();
  await expect(toolbar.getByRole('button', { name: 'Activate (2)' })).toBeEnabled();
  await expect(toolbar.getByRole('button', { name: 'Deactivate (1)' })).toBeEnabled();
  await toolbar.getByRole('button', { name: 'Delete (2)' }).click();
  const del = dialog(page, 'Delete 2 users permanently?');
  await expect(del).toContainText('This cannot be undone.');
  await del.getByRole('button', { name: 'Delete 2 users' }).click();
  const deleted = dialog(page, 'Delete: 1 done, 1 refused');
  await expect(deleted.getByRole('table', { name: 'Results' }).getByRole('row').filter({ hasText: account.owner.name })).toContainText('OWNER_PROTECTED');
  await deleted.getByRole('button', { name: 'Close' }).click();
  await expect(explorer.getByRole('row')).toHaveCount(3); // header, the Owner, Ada
  await expect(explorer.getByRole('row', { name: 'Uma User' })).toHaveCount(0);
  await expect(explorer.getByRole('row', { name: account.owner.name })).toBeVisible();
});
