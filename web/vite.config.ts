import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// The production build lands in dist/, which the Maven build packages as the server's
// static resources. In development, API calls are proxied to a server on :8080.
export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false },
  server: {
    proxy: {
      '/api': 'http://localhost:8080',
      '/actuator': 'http://localhost:8080',
      // the authorization server: sign-in pages, tokens, discovery, logout (docs/web.md)
      '/oauth2': 'http://localhost:8080',
      '/.well-known': 'http://localhost:8080',
      '/connect': 'http://localhost:8080',
    },
  },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['./src/testing/setup-tests.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    // whole-app tests load lazy screens and the editor, forms are typed key by key; the machine may be busy
    testTimeout: 20_000,
  },
});
