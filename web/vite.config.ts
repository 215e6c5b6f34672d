import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The build goes to dist/, which internal/webapp embeds (go:embed); roster
// serves the app under /app/ (GraphiQL keeps /), hence base. Hashed file
// names under dist/assets/ are served as immutable. `npm run dev` proxies the
// API to a running `roster dev` on 127.0.0.1:8080.
export default defineConfig({
  base: '/app/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 600,
    rollupOptions: {
      output: {
        // Libraries in chunks of their own, which change less often than
        // the app (a new release keeps them cached); the operator screens
        // are split off by React.lazy (App.tsx).
        manualChunks(id) {
          if (!id.includes('/node_modules/')) return undefined;
          if (/\/node_modules\/(react|react-dom|scheduler|react-router|cookie|set-cookie-parser)\//.test(id)) return 'react';
          if (/\/node_modules\/@(mantine|floating-ui)\//.test(id)) return 'mantine';
          return 'vendor';
        },
      },
    },
  },
  server: {
    proxy: {
      '/graphql': { target: 'http://127.0.0.1:8080', ws: true },
      '/dev': 'http://127.0.0.1:8080',
      '/riverui': 'http://127.0.0.1:8080',
      '/scim': 'http://127.0.0.1:8080',
    },
  },
});
