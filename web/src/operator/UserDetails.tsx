import { Empty } from '../components/common';

export function OperatorUserPage() {
  return <Empty>Coming soon.</Empty>;
}
