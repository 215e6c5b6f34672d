import { Empty } from '../components/common';
import type { AccountInfo } from './Account';

export function RecipientsTab({ account }: { account: AccountInfo }) {
  return <Empty>{account.name}: coming soon.</Empty>;
}
