// Operator webhooks: an endpoint pointing at a receiver this test runs gets
// signed member events; disabled it gets nothing; its secret rotates; it is
// deleted after a confirmation.
import { addMember, demoOperator, unique } from '../lib/api';
import { dialog, openUsersTab, row, rowAction } from '../lib/app';
import { expect, signInWithForm, test } from '../lib/fixtures';
import { signedBy, startReceiver, type Received } from '../lib/receiver';
import type { Page } from '@playwright/test';

/** removeMember detaches or deletes name in the account's Users tab open on page. */
async function removeMember(page: Page, name: string, verb: 'Detach' | 'Delete'): Promise<void> {
  await rowAction(page, name, verb);
  await dialog(page, `${verb} ${name}?`).getByRole('button', { name: verb, exact: true }).click();
  await dialog(page, `${verb}: 1 done, 0 refused`).getByRole('button', { name: 'Close' }).click();
  await expect(row(page, name)).toHaveCount(0);
}

test('an operator adds a webhook endpoint; member events arrive signed; disabled it gets nothing; rotate and delete', async ({ page, account }) => {
  test.setTimeout(90_000);
  const dee = await addMember(account, 'USER', 'Dee Detached');
  const del = await addMember(account, 'USER', 'Del Deleted');
  const dot = await addMember(account, 'USER', 'Dot Deleted');
  // Endpoints are platform-wide: other tests' events arrive too, so the
  // receiver is asked only about this account's members.
  const receiver = await startReceiver(`/roster-${unique()}`);
  const about = (type: string, userId: string) => (r: Received) => r.json.type === type && r.json.data.userId === userId;
  try {
    await signInWithForm(page, demoOperator);
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Webhooks' }).click();
    await expect(page).toHaveURL(/\/app\/operator\/webhooks$/);
    await page.getByRole('button', { name: 'Add endpoint' }).click();
    const add = dialog(page, 'Add a webhook endpoint');
    // A plain-http URL away from loopback is refused with the API's message.
    await add.getByLabel('URL').fill('http://hooks.example.com/roster');
    await add.getByRole('checkbox', { name: 'member.detached' }).check();
    await add.getByRole('button', { name: 'Add endpoint' }).click();
    await expect(add.getByRole('alert')).toContainText('must use https');
    await expect(add.getByRole('alert')).toContainText('Code: INVALID_INPUT');

    await add.getByLabel('URL').fill(receiver.url);
    await add.getByLabel('Description').fill('E2E receiver');
    await add.getByRole('checkbox', { name: 'member.deleted' }).check();
    await expect(add.getByRole('switch', { name: 'Enabled' })).toBeChecked();
    await add.getByRole('button', { name: 'Add endpoint' }).click();
    const shown = add.getByRole('status', { name: 'Signing secret' });
    await expect(shown).toContainText('It is shown this once');
    const secret = (await shown.getByLabel('Secret').textContent())?.trim() ?? '';
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/=]+$/);
    await add.getByRole('button', { name: 'Done' }).click();
    await expect(add).toBeHidden();
    const endpoints = page.getByRole('table', { name: 'Webhook endpoints' });
    await expect(endpoints.getByRole('row', { name: receiver.url })).toContainText('member.deleted, member.detached');
    await expect(page.getByRole('switch', { name: `Enabled: ${receiver.url}` })).toBeChecked();
    const endpointURL = await endpoints.getByRole('link', { name: receiver.url }).getAttribute('href');

    // Detaching a member in the account's Users tab posts member.detached.
    await openUsersTab(page, account);
    await removeMember(page, 'Dee Detached', 'Detach');
    const detached = await receiver.waitFor(about('member.detached', dee.id));
    expect(signedBy(detached, secret)).toBe(true);
    expect(signedBy(detached, 'whsec_' + Buffer.from('not the secret').toString('base64'))).toBe(false);
    expect(detached.id).toBe(detached.json.id);
    expect(detached.json).toMatchObject({ type: 'member.detached', version: 1, data: { accountId: account.id, userId: dee.id } });
    expect(detached.json.data.detachedAt).toBeTruthy();
    expect(Math.abs(Number(detached.timestamp) - Date.now() / 1000)).toBeLessThan(120);
    expect(detached.contentType).toBe('application/json');
    expect(detached.userAgent).toBe('Roster-Webhooks/1');

    // The endpoint's page lists the delivery as succeeded (the attempt is
    // recorded just after the answer: refresh until it is).
    await page.goto(endpointURL!);
    await expect(page.getByRole('heading', { name: 'Webhook endpoint' })).toBeVisible();
    const deliveries = page.getByRole('table', { name: 'Deliveries' });
    const delivery = deliveries.getByRole('row', { name: `member.detached ${detached.id}` });
    await expect(async () => {
      await page.getByRole('button', { name: 'Refresh' }).click();
      await expect(delivery).toContainText('Succeeded', { timeout: 1000 });
    }).toPass({ timeout: 15_000 });
    await expect(delivery).toContainText('204');
    await expect(delivery.getByRole('cell').nth(2)).toHaveText('1'); // attempts

    // Redeliver sends the finished delivery again: same webhook-id and body.
    await delivery.getByRole('button', { name: `Redeliver member.detached ${detached.id}` }).click();
    await expect(page.getByText('member.detached will be sent again, with the same webhook-id.')).toBeVisible();
    const again = await receiver.waitFor((r) => r.id === detached.id && r !== detached);
    expect(again.body).toBe(detached.body);
    expect(signedBy(again, secret)).toBe(true);
    await expect(async () => {
      await page.getByRole('button', { name: 'Refresh' }).click();
      await expect(delivery).toContainText('Succeeded', { timeout: 1000 });
    }).toPass({ timeout: 15_000 });

    // Disabled, the endpoint gets nothing: no delivery is even recorded.
    const enabled = page.getByRole('switch', { name: 'Enabled' });
    await page.getByText('Enabled', { exact: true }).click();
    await expect(enabled).not.toBeChecked();
    await openUsersTab(page, account);
    await removeMember(page, 'Del Deleted', 'Delete');

    // A new secret, shown once; for a day the old one signs too.
    await page.goto(endpointURL!);
    await page.getByRole('button', { name: 'Rotate secret' }).click();
    const rotate = dialog(page, 'Rotate the signing secret?');
    await rotate.getByRole('button', { name: 'Rotate secret' }).click();
    const fresh = page.getByRole('status', { name: 'New signing secret' });
    const secret2 = (await fresh.getByLabel('Secret').textContent())?.trim() ?? '';
    expect(secret2).toMatch(/^whsec_/);
    expect(secret2).not.toBe(secret);
    await expect(page.getByText('the previous secret signs too until')).toBeVisible();
    await page.getByText('Enabled', { exact: true }).click();
    await expect(enabled).toBeChecked();

    await openUsersTab(page, account);
    await removeMember(page, 'Dot Deleted', 'Delete');
    const deleted = await receiver.waitFor(about('member.deleted', dot.id));
    expect(signedBy(deleted, secret2)).toBe(true);
    expect(signedBy(deleted, secret)).toBe(true);
    // Del's deletion, made while the endpoint was disabled, never came.
    expect(receiver.received.filter((r) => r.json.data.userId === del.id)).toEqual([]);

    // Deleting the endpoint asks first; Cancel keeps it.
    await page.goto(endpointURL!);
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    const confirm = dialog(page, 'Delete this webhook endpoint?');
    await expect(confirm).toContainText('This cannot be undone.');
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await expect(confirm).toBeHidden();
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await confirm.getByRole('button', { name: 'Delete endpoint' }).click();
    await expect(page).toHaveURL(/\/app\/operator\/webhooks$/);
    await expect(page.getByText(`The endpoint ${receiver.url} was deleted.`)).toBeVisible();
    await expect(page.getByRole('row', { name: receiver.url })).toHaveCount(0);
  } finally {
    await receiver.close();
  }
});
