import { Empty } from '../components/common';
import type { AccountInfo } from './Account';

export function AuditTab({ account }: { account: AccountInfo }) {
  return <Empty>{account.name}: coming soon.</Empty>;
}
