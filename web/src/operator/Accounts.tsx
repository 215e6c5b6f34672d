import { Empty } from '../components/common';

export function OperatorAccountsPage() {
  return <Empty>Coming soon.</Empty>;
}
