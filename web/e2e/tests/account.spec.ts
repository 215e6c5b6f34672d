// Invitations tab, passwords (reset by email, change in the profile), roles,
// and what a read-only role or another tenant sees.
import { addMember, createAccount, demoOperator, gql, linkWith, mailCount, unique, waitForMail } from '../lib/api';
import { dialog, openUsersTab, row, rowAction } from '../lib/app';
import { expect, newSignedInPage, signInWithForm, test } from '../lib/fixtures';

test('invitations show their delivery; revoke kills the link, resend mails a fresh one', async ({ page, account }) => {
  const keep = `keep-${unique()}@e2e.test`;
  const drop = `drop-${unique()}@e2e.test`;
  await gql(
    `mutation($a: ID!, $e: String!) { inviteUsers(accountId: $a, emails: $e, role: USER) { created { id } } }`,
    { a: account.id, e: `${keep} ${drop}` },
    account.owner.token,
  );
  const firstKeep = await waitForMail(keep);
  const firstDrop = await waitForMail(drop);

  await signInWithForm(page, account.owner);
  await page.goto(`/app/accounts/${account.id}/invitations`);
  const table = page.getByRole('table', { name: 'Invitations' });
  for (const email of [keep, drop]) {
    await expect(table.getByRole('row', { name: email })).toContainText('Pending');
    await expect(table.getByRole('row', { name: email })).toContainText('Sent');
  }

  await page.getByRole('button', { name: `Revoke invitation to ${drop}` }).click();
  const revoke = dialog(page, 'Revoke the invitation?');
  await expect(revoke).toContainText(`The link sent to ${drop} stops working.`);
  await revoke.getByRole('button', { name: 'Revoke' }).click();
  await expect(table.getByRole('row', { name: drop })).toContainText('Revoked');
  await expect(page.getByRole('button', { name: `Revoke invitation to ${drop}` })).toHaveCount(0);

  await page.getByRole('button', { name: `Resend invitation to ${keep}` }).click();
  await expect.poll(() => mailCount(keep)).toBe(2);
  const fresh = await waitForMail(keep, (m) => m.id !== firstKeep.id);

  // A second browser follows the links: revoked and replaced ones are dead.
  const other = await page.context().browser()!.newContext();
  const p = await other.newPage();
  await p.goto(linkWith(firstDrop, '/app/accept-invitation'));
  await expect(p.getByRole('alert').filter({ hasText: 'It was revoked' })).toBeVisible();
  await p.goto(linkWith(firstKeep, '/app/accept-invitation'));
  await expect(p.getByRole('alert')).toBeVisible();
  await expect(p.getByRole('button', { name: 'Accept invitation' })).toHaveCount(0);
  await p.goto(linkWith(fresh, '/app/accept-invitation'));
  await expect(p.getByRole('button', { name: 'Accept invitation' })).toBeVisible();
  await other.close();
});

test('an invitation the mail server defers reads Retrying with its last error; a refused one reads Failed', async ({ page, browser, account }) => {
  // roster dev's mail capture defers every address at defer.test (SMTP 451)
  // and refuses those at refuse.test for good (550): README, dev.
  const deferred = `later-${unique()}@defer.test`;
  const refused = `never-${unique()}@refuse.test`;
  await signInWithForm(page, account.owner);
  await openUsersTab(page, account);
  await page.getByRole('button', { name: 'Invite users' }).click();
  const invite = dialog(page, `Invite users to ${account.name}`);
  await invite.getByLabel('Email addresses').fill(`${deferred}\n${refused}`);
  await invite.getByRole('button', { name: 'Send invitations' }).click();
  await expect(invite.getByRole('status')).toHaveText('2 invited, 0 invited again, 0 not invited.');
  await invite.getByRole('button', { name: 'Done' }).click();

  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Invitations' }).click();
  const table = page.getByRole('table', { name: 'Invitations' });
  // A temporary refusal is retried (River's backoff: attempt⁴ seconds, 8
  // attempts over about an hour), the state shown meanwhile, without a reload.
  // The account sees a generic reason, not the SMTP server's words.
  const later = table.getByRole('row', { name: deferred });
  await expect(later).toContainText('Retrying');
  await expect(later).toContainText(/attempt \d/);
  await expect(later).toContainText('The email was not accepted yet; it is tried again automatically.');
  await expect(later).toContainText('Pending'); // the invitation itself stays open
  // A permanent one fails at once and is not retried.
  const never = table.getByRole('row', { name: refused });
  await expect(never).toContainText('Failed');
  await expect(never).toContainText('The email could not be delivered. Check the address, then resend the invitation.');
  await expect(never).not.toContainText('attempt');
  await expect(never).not.toContainText('550');

  // A platform operator sees the server's answers themselves.
  const operator = await newSignedInPage(browser, demoOperator, `/app/accounts/${account.id}/invitations`);
  const opTable = operator.page.getByRole('table', { name: 'Invitations' });
  await expect(opTable.getByRole('row', { name: deferred })).toContainText('451');
  await expect(opTable.getByRole('row', { name: deferred })).toContainText('try again later');
  await expect(opTable.getByRole('row', { name: refused })).toContainText('550');
  await expect(opTable.getByRole('row', { name: refused })).toContainText('mailbox unavailable');
  await operator.context.close();
  expect(await mailCount(deferred)).toBe(0);
  expect(await mailCount(refused)).toBe(0);
});

test('a forgotten password is reset through the emailed link', async ({ page, account }) => {
  const ada = await addMember(account, 'ADMINISTRATOR', 'Ada Admin');
  await page.goto('/app/sign-in');
  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  await expect(page.getByRole('heading', { name: 'Forgot your password?' })).toBeVisible();
  await page.getByLabel('Email').fill(ada.email);
  await page.getByRole('button', { name: 'Send reset link' }).click();
  await expect(page.getByRole('status')).toContainText('Check your inbox');

  const mail = await waitForMail(ada.email, (m) => m.links.some((l) => l.includes('/app/reset-password')));
  await page.goto(linkWith(mail, '/app/reset-password'));
  await page.getByRole('textbox', { name: 'New password', exact: true }).fill('brand-new-password-1');
  await page.getByLabel('Repeat the new password').fill('brand-new-password-2');
  await page.getByRole('button', { name: 'Save password' }).click();
  await expect(page.getByRole('alert')).toHaveText('The two passwords differ.');
  await page.getByLabel('Repeat the new password').fill('brand-new-password-1');
  await page.getByRole('button', { name: 'Save password' }).click();
  await expect(page.getByRole('status')).toContainText('Password saved');
  await page.getByRole('link', { name: 'Go to sign in' }).click();

  await page.getByLabel('Email').fill(ada.email);
  await page.getByLabel('Password').fill(ada.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText('UNAUTHENTICATED');
  await page.getByLabel('Password').fill('brand-new-password-1');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(new RegExp(`/accounts/${account.id}/users$`));
});

test('the profile renames the user and a password change ends the other sessions', async ({ page, browser, account }) => {
  const elsewhere = await newSignedInPage(browser, account.owner);
  await openUsersTab(elsewhere.page, account);
  await signInWithForm(page, account.owner);
  await page.getByRole('button', { name: `User menu for ${account.owner.name}` }).click();
  await page.getByRole('menuitem', { name: 'Profile' }).click();
  await expect(page.getByRole('heading', { name: 'Profile' })).toBeVisible();

  await page.getByLabel('Name').fill('Olive Renamed');
  await page.getByRole('button', { name: 'Save name' }).click();
  await expect(page.getByRole('button', { name: 'User menu for Olive Renamed' })).toBeVisible();

  await page.getByLabel('Current password').fill(account.owner.password);
  await page.getByRole('textbox', { name: 'New password', exact: true }).fill('changed-password-1');
  await page.getByLabel('Repeat the new password').fill('changed-password-1');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'your other sessions have ended' })).toBeVisible();

  // The other browser's session is gone: its next load asks to sign in.
  await elsewhere.page.reload();
  await expect(elsewhere.page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await elsewhere.context.close();
  // This one keeps working.
  await openUsersTab(page, account);
  await expect(row(page, 'Olive Renamed')).toBeVisible();
});

test('the Owner changes a role and transfers ownership', async ({ page, account }) => {
  await addMember(account, 'USER', 'Uma User');
  await addMember(account, 'ADMINISTRATOR', 'Ada Admin');
  await signInWithForm(page, account.owner);
  await openUsersTab(page, account);

  await rowAction(page, 'Uma User', 'Change role');
  const change = dialog(page, 'Change the role of Uma User');
  await change.getByRole('textbox', { name: 'New role' }).click();
  await page.getByRole('option', { name: 'Finance manager' }).click();
  await change.getByRole('button', { name: 'Change role' }).click();
  await expect(change).toBeHidden();
  await expect(row(page, 'Uma User')).toContainText('Finance manager');

  // Whom ownership can go to is the API's answer (viewerCan.transferOwnership):
  // not to the Owner.
  await page.getByRole('button', { name: `Actions for ${account.owner.name}` }).click();
  await expect(page.getByRole('menuitem', { name: /^Transfer ownership/ })).toBeDisabled();
  await expect(page.getByRole('menuitem', { name: /^Transfer ownership/ })).toContainText('Already the Owner.');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu')).toBeHidden();

  await rowAction(page, 'Ada Admin', 'Transfer ownership');
  const transfer = dialog(page, 'Transfer ownership?');
  await expect(transfer).toContainText('You become an Administrator');
  await transfer.getByRole('button', { name: 'Transfer ownership' }).last().click();
  await expect(transfer).toBeHidden();
  await expect(row(page, 'Ada Admin')).toContainText('Owner');
  await expect(row(page, account.owner.name)).toContainText('Administrator');
  // The new Owner is protected from the previous one.
  await expect(page.getByRole('checkbox', { name: 'Select Ada Admin' })).toBeDisabled();
});

test('detaching a member warns that their service credentials go too', async ({ page, account }) => {
  await addMember(account, 'USER', 'Uma User');
  await signInWithForm(page, account.owner);
  await openUsersTab(page, account);
  await rowAction(page, 'Uma User', 'Detach');
  const confirm = dialog(page, 'Detach Uma User?');
  await expect(confirm).toContainText('permanently deletes their service credentials');
  await confirm.getByRole('button', { name: 'Detach', exact: true }).click();
  await expect(dialog(page, 'Detach: 1 done, 0 refused').getByRole('table', { name: 'Results' })).toContainText('Removed');
  await dialog(page, 'Detach: 1 done, 0 refused').getByRole('button', { name: 'Close' }).click();
  await expect(row(page, 'Uma User')).toHaveCount(0);
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Audit log' }).click();
  await expect(page.getByRole('table', { name: 'Audit log' }).getByRole('row').filter({ hasText: 'Member detached' })).toBeVisible();
});

test('a Finance manager sees the account read-only, with the reasons', async ({ page, account }) => {
  const fiona = await addMember(account, 'FINANCE_MANAGER', 'Fiona Finance');
  await addMember(account, 'USER', 'Uma User');
  await signInWithForm(page, fiona);
  await openUsersTab(page, account);
  await expect(row(page, 'Uma User')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Invite users' })).toBeDisabled();
  await expect(page.getByRole('toolbar', { name: 'Bulk actions' })).toHaveCount(0);
  await expect(page.getByRole('checkbox')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Actions for Uma User' })).toHaveCount(0);
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Notification recipients' }).click();
  await expect(page.getByRole('button', { name: 'Edit technical contacts' })).toBeDisabled();
});

test('an account whose users come from an external directory greys out inviting, with the reason', async ({ page, operatorToken }) => {
  const external = await createAccount(operatorToken, 'E2E external directory', { userDirectory: 'EXTERNAL' });
  await signInWithForm(page, external.owner);
  await openUsersTab(page, external);
  await expect(page.getByText('External directory', { exact: true })).toBeVisible();
  const invite = page.getByRole('button', { name: 'Invite users' });
  await expect(invite).toBeDisabled();
  await invite.locator('xpath=..').hover();
  await expect(page.getByRole('tooltip')).toHaveText("This account's users come from its external directory.");
});

test("another tenant's account cannot be opened, by link or by switcher", async ({ page, account, operatorToken }) => {
  const other = await createAccount(operatorToken, 'E2E other tenant');
  await signInWithForm(page, account.owner);
  await page.goto(`/app/accounts/${other.id}/users`);
  await expect(page.getByRole('alert')).toContainText('This account cannot be opened');
  await expect(page.getByText(other.name)).toHaveCount(0);
  // Typing into the switcher searches the viewer's accounts only.
  const switcher = page.getByRole('textbox', { name: 'Account' });
  await switcher.click();
  await switcher.fill('E2E');
  await expect(page.getByRole('option', { name: account.name })).toBeVisible();
  await expect(page.getByRole('option', { name: other.name })).toHaveCount(0);
  await switcher.fill(other.name);
  await expect(page.getByRole('option', { name: account.name })).toHaveCount(0); // the search has run
  await expect(page.getByRole('option', { name: other.name })).toHaveCount(0);
});
