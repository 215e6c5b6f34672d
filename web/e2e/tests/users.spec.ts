// The Users tab: the seeds' flows end to end, each in an account of its own.
import { addMember, linkWith, password, setRecipients, unique, waitForMail } from '../lib/api';
import { dialog, openUsersTab, row, rowAction } from '../lib/app';
import { expect, newSignedInPage, signInWithForm, test } from '../lib/fixtures';

test('invite → email → accept → the new member appears in the Users tab', async ({ page, browser, account }) => {
  await signInWithForm(page, account.owner);
  await openUsersTab(page, account);
  const newcomer = `Nina.Newcomer-${unique()}@E2E.test`;

  await page.getByRole('button', { name: 'Invite users' }).click();
  const invite = dialog(page, `Invite users to ${account.name}`);
  // A messy paste: a new address in capitals, a malformed one, a member.
  await invite.getByLabel('Email addresses').fill(`  ${newcomer};\n not-an-address ,, ${account.owner.email}\n`);
  await invite.getByRole('textbox', { name: 'Role' }).click();
  await page.getByRole('option', { name: 'Administrator' }).click();
  await invite.getByRole('button', { name: 'Send invitations' }).click();
  await expect(invite.getByRole('status')).toHaveText('1 invited, 0 invited again, 2 not invited.');
  await expect(invite.getByRole('list', { name: 'Invited', exact: true })).toContainText(`${newcomer.toLowerCase()} as Administrator`);
  const refused = invite.getByRole('list', { name: 'Not invited' });
  await expect(refused.getByRole('listitem')).toHaveCount(2);
  await expect(refused).toContainText('not-an-address');
  await expect(refused).toContainText(account.owner.email);
  await invite.getByRole('button', { name: 'Done' }).click();
  await expect(invite).toBeHidden();

  // The invitee follows the emailed link in a browser of their own.
  const mail = await waitForMail(newcomer.toLowerCase());
  expect(mail.subject).toContain(account.name);
  const invitee = await browser.newContext();
  const inviteePage = await invitee.newPage();
  await inviteePage.goto(linkWith(mail, '/app/accept-invitation'));
  await expect(inviteePage.getByRole('heading', { name: `Join ${account.name}` })).toBeVisible();
  await inviteePage.getByLabel('Your name').fill('Nina Newcomer');
  await inviteePage.getByLabel('Choose a password').fill(password);
  await inviteePage.getByRole('button', { name: 'Accept invitation' }).click();

  // The Owner's open list shows the new Administrator without a reload.
  const nina = row(page, 'Nina Newcomer');
  await expect(nina).toBeVisible();
  await expect(nina).toContainText('Administrator');
  await expect(nina).toContainText('Active');
  await invitee.close();
});

test('deactivating the sole billing contact warns first, then lists them Inactive', async ({ page, account }) => {
  const bill = await addMember(account, 'FINANCE_MANAGER', 'Bill Billing');
  await addMember(account, 'USER', 'Uma User');
  await setRecipients(account, 'BILLING', [bill.id]);
  await signInWithForm(page, account.owner);
  await openUsersTab(page, account);
  await expect(row(page, 'Bill Billing')).toContainText('Only active billing contact');

  await page.getByRole('checkbox', { name: 'Select Bill Billing' }).check();
  await page.getByRole('toolbar', { name: 'Bulk actions' }).getByRole('button', { name: 'Deactivate (1)' }).click();
  const confirm = dialog(page, 'Deactivate Bill Billing?');
  const warning = confirm.getByRole('alert').filter({ hasText: 'Notifications will lose their only active recipient' });
  await expect(warning).toContainText(`Bill Billing (${bill.email}) is the only active billing contact`);
  // The warning comes before the list of who is acted on.
  const warningBox = await warning.boundingBox();
  const listBox = await confirm.getByText(bill.email, { exact: false }).last().boundingBox();
  expect(warningBox!.y).toBeLessThanOrEqual(listBox!.y);
  await confirm.getByRole('button', { name: 'Deactivate', exact: true }).click();

  const results = dialog(page, 'Deactivate: 1 done, 0 refused');
  await expect(results.getByRole('alert')).toContainText(`The billing list of ${account.name} has no active recipient now`);
  await expect(results.getByRole('table', { name: 'Results' })).toContainText('Deactivated: now Inactive');
  await results.getByRole('button', { name: 'Close' }).click();

  await expect(row(page, 'Bill Billing')).toContainText('Inactive');
  await expect(row(page, 'Uma User')).toContainText('Active');
  // Filtering by status finds them among the inactive members only.
  await page.goto(`/app/accounts/${account.id}/users?status=INACTIVE`);
  await expect(page.getByRole('table', { name: 'Users' }).getByRole('row')).toHaveCount(2); // header + Bill
  await expect(row(page, 'Bill Billing')).toBeVisible();

  // The billing list keeps them, marked as getting nothing.
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Notification recipients' }).click();
  const billing = page.getByRole('region', { name: 'Billing contacts' });
  await expect(billing.getByRole('row', { name: 'Bill Billing' })).toContainText('Inactive — gets nothing');
  await expect(billing.getByRole('alert')).toContainText('Nobody on this list receives mail');
});

test('bulk delete greys out the viewer and the Owner with the reason', async ({ page, account }) => {
  const admin = await addMember(account, 'ADMINISTRATOR', 'Ada Admin');
  await addMember(account, 'USER', 'Uma User');
  await addMember(account, 'FINANCE_MANAGER', 'Fred Finance');
  await signInWithForm(page, admin);
  await openUsersTab(page, account);

  const self = page.getByRole('checkbox', { name: 'Select Ada Admin' });
  const owner = page.getByRole('checkbox', { name: `Select ${account.owner.name}` });
  await expect(self).toBeDisabled();
  await expect(self).toHaveAccessibleDescription('You cannot do this to yourself.');
  await expect(owner).toBeDisabled();
  await expect(owner).toHaveAccessibleDescription('The Owner is protected: transfer ownership first.');
  // The reason also shows on hover.
  await row(page, account.owner.name).getByRole('cell').first().locator('span').first().hover();
  await expect(page.getByRole('tooltip')).toHaveText('The Owner is protected: transfer ownership first.');

  await page.getByRole('checkbox', { name: 'Select all users on this page' }).check();
  await expect(page.getByRole('checkbox', { name: 'Select Uma User' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Select Fred Finance' })).toBeChecked();
  await expect(self).not.toBeChecked();
  await expect(owner).not.toBeChecked();
  await page.getByRole('toolbar', { name: 'Bulk actions' }).getByRole('button', { name: 'Delete (2)' }).click();

  const confirm = dialog(page, 'Delete 2 users?');
  await expect(confirm).toContainText('Uma User');
  await expect(confirm).toContainText('Fred Finance');
  await confirm.getByRole('button', { name: 'Delete 2 users' }).click();
  const results = dialog(page, 'Delete: 2 done, 0 refused');
  await expect(results.getByRole('table', { name: 'Results' }).getByRole('row')).toHaveCount(3);
  await results.getByRole('button', { name: 'Close' }).click();

  await expect(row(page, 'Uma User')).toHaveCount(0);
  await expect(row(page, 'Fred Finance')).toHaveCount(0);
  await expect(row(page, 'Ada Admin')).toBeVisible();
  await expect(row(page, account.owner.name)).toBeVisible();
  await expect(page.getByText('2 in all')).toBeVisible();
});

test('a deleted contact is replaced by the Owner in the recipients list, live', async ({ page, browser, account }) => {
  const tess = await addMember(account, 'USER', 'Tess Technical');
  await setRecipients(account, 'TECHNICAL', [tess.id]);
  // A second browser keeps the recipients open: a background job makes the
  // replacement, and the list follows without a reload.
  const watcher = await newSignedInPage(browser, account.owner);
  await watcher.page.goto(`/app/accounts/${account.id}/recipients`);
  const technical = watcher.page.getByRole('region', { name: 'Technical contacts' });
  await expect(technical.getByRole('row', { name: 'Tess Technical' })).toContainText('Active');

  await signInWithForm(page, account.owner);
  await openUsersTab(page, account);
  await rowAction(page, 'Tess Technical', 'Delete');
  const confirm = dialog(page, 'Delete Tess Technical?');
  await expect(confirm.getByRole('alert')).toContainText('the Owner takes their place on the list');
  await confirm.getByRole('button', { name: 'Delete', exact: true }).click();
  const results = dialog(page, 'Delete: 1 done, 0 refused');
  await expect(results.getByRole('table', { name: 'Results' })).toContainText('Removed');
  await results.getByRole('button', { name: 'Close' }).click();
  await expect(row(page, 'Tess Technical')).toHaveCount(0);

  await expect(technical.getByRole('row', { name: account.owner.name })).toContainText('Active');
  await expect(technical.getByRole('row', { name: 'Tess Technical' })).toHaveCount(0);
  await watcher.context.close();

  // And in this browser, on opening the tab.
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Notification recipients' }).click();
  await expect(page.getByRole('region', { name: 'Technical contacts' }).getByRole('row', { name: account.owner.name })).toBeVisible();
});

test('a second administrator’s change shows up live in the first one’s list', async ({ page, browser, account }) => {
  const admin = await addMember(account, 'ADMINISTRATOR', 'Ada Admin');
  await addMember(account, 'USER', 'Uma User');
  await signInWithForm(page, account.owner);
  await openUsersTab(page, account);
  await expect(row(page, 'Uma User')).toContainText('Active');

  const other = await browser.newContext();
  const adminPage = await other.newPage();
  await signInWithForm(adminPage, admin);
  await openUsersTab(adminPage, account);
  await rowAction(adminPage, 'Uma User', 'Deactivate');
  await dialog(adminPage, 'Deactivate Uma User?').getByRole('button', { name: 'Deactivate', exact: true }).click();
  await dialog(adminPage, 'Deactivate: 1 done, 0 refused').getByRole('button', { name: 'Close' }).click();

  // No reload on the Owner's side.
  await expect(row(page, 'Uma User')).toContainText('Inactive');
  await expect(page.getByText(/^List updated/)).toBeVisible();
  await other.close();
});
