// The user directory switch and SCIM provisioning: an operator makes an
// account EXTERNAL and creates a SCIM token in its Settings; the identity
// provider's requests (made here with fetch, shaped like Okta's) show up live
// in the Owner's Users tab; revoking the token shuts the directory out.
import { baseURL, demoOperator, unique } from '../lib/api';
import { dialog, openUsersTab, row } from '../lib/app';
import { expect, newSignedInPage, signInWithForm, test } from '../lib/fixtures';

/** scim sends one SCIM request with the bearer token and returns status and JSON body. */
async function scim(method: string, path: string, token: string, body?: unknown): Promise<{ status: number; body: any }> {
  const res = await fetch(`${baseURL}/scim/v2${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, Accept: 'application/scim+json', ...(body ? { 'Content-Type': 'application/scim+json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

/** oktaUser is the body Okta sends to create a user. */
function oktaUser(email: string, given: string, family: string) {
  return {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
    userName: email,
    name: { givenName: given, familyName: family },
    emails: [{ primary: true, value: email, type: 'work' }],
    displayName: `${given} ${family}`,
    locale: 'en-US',
    externalId: `00u${unique()}`,
    groups: [],
    password: '1mz050nq',
    active: true,
  };
}

test('an operator switches an account to an external directory whose SCIM token provisions members live until revoked', async ({ page, browser, account }) => {
  test.setTimeout(60_000);
  // The Owner cannot switch the directory: only operators can.
  const owner = await newSignedInPage(browser, account.owner, `/app/accounts/${account.id}/settings`);
  await expect(owner.page.getByRole('textbox', { name: 'User directory' })).toBeDisabled();
  await expect(owner.page.getByText('Only platform operators can change it.')).toBeVisible();
  await expect(owner.page.getByRole('region', { name: 'SCIM provisioning' })).toHaveCount(0);

  await signInWithForm(page, demoOperator, `/app/accounts/${account.id}/settings`);
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  const directory = page.getByRole('textbox', { name: 'User directory' });
  await expect(directory).toHaveValue('Local (managed here)');
  await directory.click();
  await page.getByRole('option', { name: 'External directory' }).click();
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Settings saved.')).toBeVisible();
  const section = page.getByRole('region', { name: 'SCIM provisioning' });
  await expect(section.getByLabel('SCIM base URL')).toHaveText(`${new URL(baseURL).origin}/scim/v2`);
  await expect(section.getByText('No SCIM token yet')).toBeVisible();

  const description = `Okta ${unique()}`;
  await section.getByRole('button', { name: 'Create SCIM token' }).click();
  const create = dialog(page, 'Create a SCIM token');
  await create.getByLabel('Description').fill(description);
  await create.getByRole('button', { name: 'Create token' }).click();
  const shown = create.getByRole('status', { name: 'SCIM token' });
  await expect(shown).toContainText('It is shown this once');
  const token = (await shown.getByLabel('Secret').textContent())?.trim() ?? '';
  expect(token.length).toBeGreaterThan(20);
  await create.getByRole('button', { name: 'Done' }).click();
  await expect(create).toBeHidden();
  const tokenRow = section.getByRole('table', { name: 'SCIM tokens' }).getByRole('row', { name: description });
  await expect(tokenRow).toContainText('Active');
  await expect(tokenRow).toContainText('Never');

  // The Owner watches the Users tab: now External directory, nothing to invite.
  await openUsersTab(owner.page, account);
  await expect(owner.page.getByText('External directory', { exact: true })).toBeVisible();
  await expect(owner.page.getByRole('button', { name: 'Invite users' })).toBeDisabled();

  // The identity provider adds a person: the Owner sees them appear.
  const email = `sam-${unique()}@e2e.test`;
  const created = await scim('POST', '/Users', token, oktaUser(email, 'Sam', 'Provisioned'));
  expect(created.status).toBe(201);
  expect(created.body).toMatchObject({ userName: email, active: true });
  const sam = row(owner.page, 'Sam Provisioned');
  await expect(sam).toContainText('Active');
  await expect(sam).toContainText(email);

  // The directory deactivates them: Inactive, live.
  const patched = await scim('PATCH', `/Users/${created.body.id}`, token, {
    schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
    Operations: [{ op: 'replace', value: { active: false } }],
  });
  expect(patched.status).toBe(200);
  expect(patched.body.active).toBe(false);
  await expect(sam).toContainText('Inactive');

  // The panel leaves membership to the directory: greyed out, with the reason.
  const external = "This account's users are managed in its external directory.";
  await expect(owner.page.getByRole('checkbox', { name: 'Select Sam Provisioned' })).toBeDisabled();
  await expect(owner.page.getByRole('checkbox', { name: 'Select Sam Provisioned' })).toHaveAccessibleDescription(external);
  await owner.page.getByRole('button', { name: 'Actions for Sam Provisioned' }).click();
  for (const item of ['Deactivate', 'Activate', 'Delete', 'Detach']) {
    const entry = owner.page.getByRole('menuitem', { name: new RegExp(`^${item}`) });
    await expect(entry).toBeDisabled();
    await expect(entry).toContainText(external);
  }
  await owner.page.keyboard.press('Escape');
  await owner.context.close();

  // Revoking the token refuses the directory's next request.
  await page.reload();
  await expect(tokenRow).toContainText('Active');
  await expect(tokenRow).not.toContainText('Never'); // used by the requests above
  await section.getByRole('button', { name: `Revoke ${description}` }).click();
  await dialog(page, `Revoke ${description}?`).getByRole('button', { name: 'Revoke token' }).click();
  await expect(tokenRow).toContainText('Revoked');
  await expect(section.getByRole('button', { name: `Revoke ${description}` })).toHaveCount(0);
  const refused = await scim('GET', `/Users/${created.body.id}`, token);
  expect(refused.status).toBe(401);

  // Back to LOCAL: the SCIM section goes; the panel manages members again.
  await directory.click();
  await page.getByRole('option', { name: 'Local (managed here)' }).click();
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(section).toHaveCount(0);
  await openUsersTab(page, account);
  await expect(page.getByRole('button', { name: 'Invite users' })).toBeEnabled();
  await expect(page.getByRole('checkbox', { name: 'Select Sam Provisioned' })).toBeEnabled();
});
