// An example configuration of GraphQL Code Generator (https://the-guild.dev/graphql/codegen)
// for a TypeScript client of Roster. Run it from the repository root:
//
//   npm install --save-dev @graphql-codegen/cli @graphql-codegen/client-preset
//   npx graphql-codegen --config docs/codegen.ts
//
// A client in another repository points `schema` at a running server instead,
// for example 'http://localhost:8080/graphql' (introspection is on by default).
// graph/codegen_test.go checks that `schema` matches the schema files and that
// `scalars` maps exactly the schema's custom scalars.
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: 'schema/*.graphqls',
  documents: ['src/**/*.{ts,tsx}'],
  ignoreNoDocuments: true,
  generates: {
    'src/gql/': {
      preset: 'client',
      config: {
        // Custom scalars of the schema (schema/schema.graphqls).
        scalars: {
          // An RFC 3339 (ISO 8601) date-time string, for example "2026-03-01T09:30:00Z".
          Time: 'string',
          // A JSON object: an audit event's before and after state.
          Map: 'Record<string, unknown>',
        },
        // ErrorCode, Role and the other enums as string unions.
        enumsAsTypes: true,
      },
    },
  },
};

export default config;
