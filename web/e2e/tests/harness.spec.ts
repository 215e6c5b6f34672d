// The harness itself: roster answers, the demo operator exists, and an
// account made through GraphQL gets its Owner through a captured email.
import { gql, waitForMail } from '../lib/api';
import { expect, test } from '../lib/fixtures';

test('a fresh account has its Owner registered through the captured invitation', async ({ account }) => {
  const d = await gql(
    `query($id: ID!) { account(id: $id) { name viewerMembership { role status } } }`,
    { id: account.id },
    account.owner.token,
  );
  expect(d.account.name).toBe(account.name);
  expect(d.account.viewerMembership).toEqual({ role: 'OWNER', status: 'ACTIVE' });
  const mail = await waitForMail(account.owner.email);
  expect(mail.subject).toContain(account.name);
});
