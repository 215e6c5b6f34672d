import { createContext, useContext } from 'react';
import { graphql } from './gql';
import type { ViewerQuery } from './gql/graphql';

export const ViewerDocument = graphql(`
  query Viewer {
    viewer {
      id
      name
      email
      isOperator
      status
      lastSignInAt
    }
  }
`);

export type Viewer = NonNullable<ViewerQuery['viewer']>;

export const ViewerContext = createContext<Viewer | null>(null);

// useViewer returns the signed-in user inside the signed-in part of the app.
export function useViewer(): Viewer {
  const v = useContext(ViewerContext);
  if (!v) throw new Error('useViewer outside the signed-in app');
  return v;
}
