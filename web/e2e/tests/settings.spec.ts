// Account settings and the audit trail they leave; the Users tab's paging and
// filters on a fuller account.
import { addMember, demoOperator, gql, mailCount, unique, waitForMail } from '../lib/api';
import { dialog, openUsersTab, row, rowAction } from '../lib/app';
import { expect, signInWithForm, test } from '../lib/fixtures';

test('requiring deactivation before delete greys out Delete until the member is deactivated, all audited', async ({ page, account }) => {
  await addMember(account, 'USER', 'Uma User');
  await signInWithForm(page, account.owner);
  await page.goto(`/app/accounts/${account.id}/settings`);
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  // The switch's input is drawn over by its track: a person clicks the label.
  const rule = page.getByRole('switch', { name: 'Require deactivation before delete' });
  await expect(rule).not.toBeChecked();
  await page.getByText('Require deactivation before delete', { exact: true }).click();
  await expect(rule).toBeChecked();
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Settings saved.')).toBeVisible();

  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Users' }).click();
  await page.getByRole('button', { name: 'Actions for Uma User' }).click();
  const del = page.getByRole('menuitem', { name: /^Delete/ });
  await expect(del).toBeDisabled();
  await expect(del).toContainText('This account requires deactivating a member before deleting them.');
  await page.keyboard.press('Escape');

  await rowAction(page, 'Uma User', 'Deactivate');
  await dialog(page, 'Deactivate Uma User?').getByRole('button', { name: 'Deactivate', exact: true }).click();
  await dialog(page, 'Deactivate: 1 done, 0 refused').getByRole('button', { name: 'Close' }).click();
  await expect(row(page, 'Uma User')).toContainText('Inactive');
  await rowAction(page, 'Uma User', 'Delete');
  await dialog(page, 'Delete Uma User?').getByRole('button', { name: 'Delete', exact: true }).click();
  await dialog(page, 'Delete: 1 done, 0 refused').getByRole('button', { name: 'Close' }).click();
  await expect(row(page, 'Uma User')).toHaveCount(0);

  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Audit log' }).click();
  const audit = page.getByRole('table', { name: 'Audit log' });
  for (const action of ['Account deactivation rule changed', 'Member deactivated', 'Member deleted']) {
    await expect(audit.getByRole('row').filter({ hasText: action }).first()).toBeVisible();
  }
});

test('the Users tab pages, searches and filters through the URL', async ({ page, account }) => {
  // Thirteen members with the Owner, each registered through their email.
  await addMember(account, 'ADMINISTRATOR', 'Ada Admin');
  await addMember(account, 'FINANCE_MANAGER', 'Fiona Finance');
  for (let i = 1; i <= 10; i++) await addMember(account, 'USER', `User ${String(i).padStart(2, '0')} ${unique().slice(0, 4)}`);
  await signInWithForm(page, account.owner);
  const table = await openUsersTab(page, account);
  await expect(page.getByText('13 in all')).toBeVisible();
  await expect(table.getByRole('row')).toHaveCount(11); // header + 10

  await page.getByRole('button', { name: 'Page 2' }).click();
  await expect(page).toHaveURL(/[?&]page=2/);
  await expect(table.getByRole('row')).toHaveCount(4); // header + 3
  await page.getByRole('textbox', { name: 'Page size' }).click();
  await page.getByRole('option', { name: '25 / page' }).click();
  await expect(page).toHaveURL(/[?&]size=25/);
  await expect(table.getByRole('row')).toHaveCount(14);

  await page.getByRole('textbox', { name: 'Role' }).click();
  await page.getByRole('option', { name: 'Finance manager' }).click();
  await expect(page).toHaveURL(/[?&]role=FINANCE_MANAGER/);
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(row(page, 'Fiona Finance')).toBeVisible();
  await page.getByRole('textbox', { name: 'Role' }).click();
  await page.getByRole('option', { name: 'All roles' }).click();

  // Not 'ada': the addresses carry random hex tags, which may contain it.
  await page.getByRole('searchbox', { name: 'Search' }).fill('admin');
  await expect(page).toHaveURL(/[?&]q=admin/);
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(row(page, 'Ada Admin')).toBeVisible();
  // A reload keeps the filters, which live in the URL.
  await page.reload();
  await expect(page.getByRole('searchbox', { name: 'Search' })).toHaveValue('admin');
  await expect(table.getByRole('row')).toHaveCount(2);
  await page.getByRole('searchbox', { name: 'Search' }).fill('nobody-matches-this');
  await expect(page.getByText('No user matches these filters.')).toBeVisible();
});

test('an operator sends a notification and sees each delivery, inactive recipients skipped', async ({ page, account }) => {
  const ada = await addMember(account, 'ADMINISTRATOR', 'Ada Admin');
  const uma = await addMember(account, 'USER', 'Uma User');
  await gql(
    `mutation($a: ID!, $u: [ID!]!) { setNotificationRecipients(accountId: $a, kind: TECHNICAL, userIds: $u) { __typename } }`,
    { a: account.id, u: [ada.id, uma.id] },
    account.owner.token,
  );
  await gql(
    `mutation($a: ID!, $u: [ID!]!) { deactivateMembers(accountId: $a, userIds: $u) { results { error { code } } } }`,
    { a: account.id, u: [uma.id] },
    account.owner.token,
  );
  const subject = `Maintenance ${unique()}`;
  await signInWithForm(page, demoOperator);
  await page.goto(`/app/accounts/${account.id}/notifications`);
  await page.getByLabel('Subject').fill(subject);
  await page.getByLabel('Message').fill('Tonight 22:00-23:00.');
  await page.getByRole('button', { name: 'Send notification' }).click();
  await expect(page.getByText('Notification queued: one email per active recipient.')).toBeVisible();

  const mail = await waitForMail(ada.email, (m) => m.subject.includes(subject));
  expect(mail.text).toContain('Tonight 22:00-23:00.');
  expect(await mailCount(uma.email)).toBe(1); // only the invitation
  // The deliveries settle in the background: refresh until they have.
  await expect(async () => {
    await page.getByRole('button', { name: 'Refresh' }).click();
    const control = page.getByRole('button', { name: new RegExp(subject) });
    if ((await control.getAttribute('aria-expanded')) !== 'true') await control.click();
    const deliveries = page.getByRole('table', { name: `Deliveries of ${subject}` });
    await expect(deliveries.getByRole('row').filter({ hasText: ada.email })).toContainText('Sent', { timeout: 1000 });
    await expect(deliveries.getByRole('row').filter({ hasText: uma.email })).toContainText('Skipped', { timeout: 1000 });
  }).toPass({ timeout: 15_000 });
});
