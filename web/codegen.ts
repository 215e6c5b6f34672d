// GraphQL Code Generator for the admin app: typed documents from the schema
// files (the same configuration as docs/codegen.ts, with paths relative to
// web/). `npm run codegen` writes src/gql (committed); `npm run check` fails
// when src/gql is not what the schema and the documents generate.
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: '../schema/*.graphqls',
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**/*'],
  ignoreNoDocuments: true,
  generates: {
    'src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        scalars: {
          Time: 'string',
          Map: 'Record<string, unknown>',
        },
        enumsAsTypes: true,
        useTypeImports: true,
      },
    },
    'src/gql/schema.json': {
      // The introspection result graphcache needs for its schema awareness.
      plugins: ['introspection'],
      config: { minify: true, descriptions: false },
    },
  },
};

export default config;
