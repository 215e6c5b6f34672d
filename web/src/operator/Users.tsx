import { Empty } from '../components/common';

export function OperatorUsersPage() {
  return <Empty>Coming soon.</Empty>;
}
