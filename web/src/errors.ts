import type { CombinedError } from 'urql';

// ApiError is one refusal as the API words it: its stable code, the
// sentence that says what to do and, for INTERNAL, the request id to quote
// to support (extensions.requestId).
export type ApiError = { code: string; message: string; requestId?: string };

// apiError extracts the first GraphQL error of a failed operation (or the
// network failure) in the API's own words.
export function apiError(err: CombinedError | undefined | null): ApiError | null {
  if (!err) return null;
  const g = err.graphQLErrors[0];
  if (g) {
    const code = typeof g.extensions?.code === 'string' ? g.extensions.code : 'INTERNAL';
    const requestId = typeof g.extensions?.requestId === 'string' ? g.extensions.requestId : undefined;
    return { code, message: g.message, requestId };
  }
  if (err.networkError) return { code: 'NETWORK', message: `The server cannot be reached: ${err.networkError.message}` };
  return { code: 'INTERNAL', message: err.message };
}

// hasCode reports whether the operation failed with the given code.
export function hasCode(err: CombinedError | undefined | null, code: string): boolean {
  return apiError(err)?.code === code;
}
