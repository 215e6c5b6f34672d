// Signing in and out through the app's forms.
import { demoOperator } from '../lib/api';
import { expect, signInWithForm, test } from '../lib/fixtures';

test('an Owner signs in, lands on their account and signs out', async ({ page, account }) => {
  await signInWithForm(page, account.owner);
  await expect(page).toHaveURL(new RegExp(`/accounts/${account.id}/users$`));
  await expect(page.getByText(account.name, { exact: true }).first()).toBeVisible();

  await page.getByRole('button', { name: `User menu for ${account.owner.name}` }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  // The session is gone: the app sends a fresh visit back to the form.
  await page.goto(`/app/accounts/${account.id}/users`);
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
});

test('a wrong password is refused with the API message and no session', async ({ page, account }) => {
  await page.goto('/app/');
  await expect(page).toHaveURL(/\/sign-in/);
  await page.getByLabel('Email').fill(account.owner.email);
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'Sign-in failed' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('UNAUTHENTICATED');
  await expect(page).toHaveURL(/\/sign-in/);
});

test('an operator signs in to the user explorer', async ({ page }) => {
  await signInWithForm(page, demoOperator);
  await expect(page).toHaveURL(/\/operator\/users$/);
  await expect(page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'User explorer' })).toBeVisible();
});

test('a deep link survives the sign-in', async ({ page, account }) => {
  await page.goto(`/app/accounts/${account.id}/invitations`);
  await expect(page).toHaveURL(/\/sign-in\?next=/);
  await page.getByLabel('Email').fill(account.owner.email);
  await page.getByLabel('Password').fill(account.owner.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(new RegExp(`/accounts/${account.id}/invitations$`));
});
