// Keyboard use of the dialogs, and the Users tab on a 390 px wide phone.
import { addMember, unique, waitForMail } from '../lib/api';
import { dialog, openUsersTab, row } from '../lib/app';
import { expect, signInWithForm, test } from '../lib/fixtures';

test('the invite dialog works from the keyboard alone and gives focus back', async ({ page, account }) => {
  await signInWithForm(page, account.owner);
  await openUsersTab(page, account);
  const openButton = page.getByRole('button', { name: 'Invite users' });
  await openButton.focus();
  await page.keyboard.press('Enter');

  const invite = dialog(page, `Invite users to ${account.name}`);
  const emails = invite.getByLabel('Email addresses');
  await expect(emails).toBeFocused();
  const address = `keyboard-${unique()}@e2e.test`;
  await page.keyboard.type(address);

  await page.keyboard.press('Tab');
  await expect(invite.getByRole('textbox', { name: 'Role' })).toBeFocused();
  await page.keyboard.press('ArrowDown'); // opens the options at the current one, User
  await expect(page.getByRole('listbox')).toBeVisible();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  await expect(invite.getByRole('textbox', { name: 'Role' })).toHaveValue('Finance manager');

  await page.keyboard.press('Tab');
  await expect(invite.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(invite.getByRole('button', { name: 'Send invitations' })).toBeFocused();
  await page.keyboard.press('Enter');

  await expect(invite.getByRole('status')).toHaveText('1 invited, 0 invited again, 0 not invited.');
  await expect(invite.getByRole('list', { name: 'Invited', exact: true })).toContainText(`${address} as Finance manager`);
  const done = invite.getByRole('button', { name: 'Done' });
  await expect(done).toBeFocused();
  // Focus stays inside the open dialog.
  for (let i = 0; i < 4; i++) {
    await page.keyboard.press('Tab');
    expect(await invite.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(invite).toBeHidden();
  await expect(openButton).toBeFocused();
  await waitForMail(address);
});

test('a confirmation dialog opened from the row menu is cancelled with Escape', async ({ page, account }) => {
  await addMember(account, 'USER', 'Uma User');
  await signInWithForm(page, account.owner);
  await openUsersTab(page, account);

  await page.getByRole('button', { name: 'Actions for Uma User' }).focus();
  await page.keyboard.press('Enter');
  const menu = page.getByRole('menu');
  await expect(menu).toBeVisible();
  // Move to "Deactivate" with the arrows and pick it.
  const deactivate = menu.getByRole('menuitem', { name: 'Deactivate' });
  for (let i = 0; i < 6 && !(await deactivate.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('ArrowDown');
  await expect(deactivate).toBeFocused();
  await page.keyboard.press('Enter');

  const confirm = dialog(page, 'Deactivate Uma User?');
  await expect(confirm.getByRole('button', { name: 'Deactivate', exact: true })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(confirm).toBeHidden();
  await expect(row(page, 'Uma User')).toContainText('Active');
  await expect(row(page, 'Uma User')).not.toContainText('Inactive');
  // The menu item that opened the dialog is gone: focus returns to the
  // row's menu button, not to the page.
  const actions = page.getByRole('button', { name: 'Actions for Uma User' });
  await expect(actions).toBeFocused();

  // So does the change-role dialog, kept mounted like the others.
  await page.keyboard.press('Enter');
  await page.getByRole('menu').getByRole('menuitem', { name: 'Change role' }).click();
  const change = dialog(page, 'Change the role of Uma User');
  await expect(change).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(change).toBeHidden();
  await expect(actions).toBeFocused();
});

test.describe('at 390 px wide', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('the Users tab fits the screen and its actions stay reachable', async ({ page, account }) => {
    await addMember(account, 'FINANCE_MANAGER', 'Fiona Finance');
    await addMember(account, 'USER', 'Uma User');
    await signInWithForm(page, account.owner);
    await openUsersTab(page, account);

    // Nothing sticks out sideways.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    // The navigation slides in from behind the burger.
    const invitations = page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Invitations' });
    await expect(invitations).not.toBeInViewport();
    await page.getByRole('button', { name: 'Toggle navigation' }).click();
    await expect(invitations).toBeInViewport();
    await page.getByRole('button', { name: 'Toggle navigation' }).click();
    await expect(invitations).not.toBeInViewport();

    // The role moves under the name; the row's controls are on screen.
    const fiona = row(page, 'Fiona Finance');
    await expect(fiona).toContainText('Finance manager');
    const actions = page.getByRole('button', { name: 'Actions for Fiona Finance' });
    await expect(actions).toBeInViewport();
    const box = await actions.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);

    await page.getByRole('checkbox', { name: 'Select Fiona Finance' }).check();
    const bulkDeactivate = page.getByRole('toolbar', { name: 'Bulk actions' }).getByRole('button', { name: 'Deactivate (1)' });
    await expect(bulkDeactivate).toBeInViewport();
    await bulkDeactivate.click();
    const confirm = dialog(page, 'Deactivate Fiona Finance?');
    const confirmButton = confirm.getByRole('button', { name: 'Deactivate', exact: true });
    await expect(confirmButton).toBeInViewport();
    await confirmButton.click();
    await dialog(page, 'Deactivate: 1 done, 0 refused').getByRole('button', { name: 'Close' }).click();
    await expect(fiona).toContainText('Inactive');
  });
});
