// The invitation email's link, followed in a browser: a new address
// registers, an existing user confirms with their password.
import { addMember, createAccount, gql, linkWith, password, unique, waitForMail } from '../lib/api';
import { expect, signInWithForm, test } from '../lib/fixtures';

test('a new address registers from the emailed link and opens the account', async ({ page, account }) => {
  const email = `newcomer-${unique()}@e2e.test`;
  await gql(
    `mutation($a: ID!, $e: String!) { inviteUsers(accountId: $a, emails: $e, role: ADMINISTRATOR) { created { id } } }`,
    { a: account.id, e: email },
    account.owner.token,
  );
  const mail = await waitForMail(email);
  expect(mail.subject).toContain(account.name);
  await page.goto(linkWith(mail, '/app/accept-invitation'));

  await expect(page.getByRole('heading', { name: `Join ${account.name}` })).toBeVisible();
  await expect(page.getByText(email)).toBeVisible();
  await page.getByLabel('Your name').fill('Nina Newcomer');
  await page.getByLabel('Choose a password').fill(password);
  await page.getByRole('button', { name: 'Accept invitation' }).click();

  await expect(page.getByRole('status').filter({ hasText: `You joined ${account.name} as Administrator` })).toBeVisible();
  await page.getByRole('button', { name: `Open ${account.name}` }).click();
  await expect(page).toHaveURL(new RegExp(`/accounts/${account.id}/users$`));
  await expect(page.getByRole('button', { name: 'User menu for Nina Newcomer' })).toBeVisible();

  // The link is spent: opening it again says so.
  await page.goto(linkWith(mail, '/app/accept-invitation'));
  await expect(page.getByRole('alert').filter({ hasText: 'already accepted' })).toBeVisible();
});

test('an existing user joins a second account with their password', async ({ page, account, operatorToken }) => {
  const admin = await addMember(account, 'ADMINISTRATOR', 'Ernst Existing');
  const other = await createAccount(operatorToken, 'E2E second account');
  await gql(
    `mutation($a: ID!, $e: String!) { inviteUsers(accountId: $a, emails: $e, role: FINANCE_MANAGER) { created { id } } }`,
    { a: other.id, e: admin.email },
    other.owner.token,
  );
  const mail = await waitForMail(admin.email, (m) => m.subject.includes(other.name));
  await page.goto(linkWith(mail, '/app/accept-invitation'));
  await expect(page.getByLabel('Your name')).toHaveCount(0);
  await page.getByLabel('Your password').fill(admin.password);
  await page.getByRole('button', { name: 'Accept invitation' }).click();
  await expect(page.getByRole('status').filter({ hasText: `You joined ${other.name} as Finance manager` })).toBeVisible();

  // Both accounts are in the switcher now.
  await signInWithForm(page, admin);
  await page.getByRole('textbox', { name: 'Account' }).click();
  await expect(page.getByRole('option', { name: account.name })).toBeVisible();
  await expect(page.getByRole('option', { name: other.name })).toBeVisible();
  await page.getByRole('option', { name: other.name }).click();
  await expect(page).toHaveURL(new RegExp(`/accounts/${other.id}/users$`));
});
