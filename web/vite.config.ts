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
    chunkSizeWarningLimit: 1500,
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
