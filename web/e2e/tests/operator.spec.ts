// Operator screens: global deactivation with its confirmation and its effect
// in the account, and the accounts list.
import { addMember, demoOperator, setRecipients, unique, waitForMail } from '../lib/api';
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

  // In the account: blocked platform-wide, while the membership stays ACTIVE.
  await owner.page.reload();
  await expect(row(owner.page, 'Dana Deactivated')).toContainText('Blocked');
  await owner.page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Notification recipients' }).click();
  await expect(owner.page.getByRole('region', { name: 'Technical contacts' }).getByRole('row', { name: 'Dana Deactivated' })).toContainText(
    'Inactive — gets nothing',
  );
  await owner.context.close();

  // Dana can no longer sign in.
  const danaCtx = await browser.newContext();
  const danaPage = await danaCtx.newPage();
  await danaPage.goto('/sign-in');
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
