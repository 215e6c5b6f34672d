import { Navigate } from 'react-router';
import { useQuery } from 'urql';
import { Empty, ErrorAlert, Loading } from '../components/common';
import { graphql } from '../gql';
import { useViewer } from '../viewer';

const FirstAccountDocument = graphql(`
  query FirstAccount {
    accounts(first: 1) {
      edges {
        node {
          id
        }
      }
    }
  }
`);

// HomePage opens the viewer's first account, or the user explorer for an
// operator who belongs to none.
export function HomePage() {
  const viewer = useViewer();
  const [{ data, error, fetching }] = useQuery({ query: FirstAccountDocument, pause: viewer.isOperator });
  if (viewer.isOperator) return <Navigate to="/operator/users" replace />;
  if (fetching && !data) return <Loading />;
  if (error) return <ErrorAlert error={error} />;
  const first = data?.accounts.edges[0]?.node.id;
  if (first) return <Navigate to={`/accounts/${first}/users`} replace />;
  return <Empty>You have no account whose users you can manage.</Empty>;
}
