import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
// The Paydesk server; in production it serves `dist` itself, in development Vite proxies to it.
const serverOrigin = process.env.PAYDESK_SERVER_URL ?? 'http://localhost:3000';
const proxy = { '/api': serverOrigin, '/health': serverOrigin, '/metrics': serverOrigin };
// The policy the server sends in production; `vite preview` sends it too, so violations show early.
const contentSecurityPolicy =
  "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; script-src 'self'";

export default defineConfig({
  root: webRoot,
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    // The server's CSP forbids inline scripts; keep every asset a separate file.
    assetsInlineLimit: 0,
    rollupOptions: {
      output: {
        // Libraries change far less often than the app: separate chunks stay cached across releases.
        manualChunks(id) {
          if (!id.includes('/node_modules/')) return undefined;
          if (/\/node_modules\/(@mantine|@floating-ui|react-remove-scroll|react-transition-group)/.test(id))
            return 'mantine';
          if (id.includes('/node_modules/@tabler/')) return 'icons';
          return 'vendor';
        },
      },
    },
  },
  server: { proxy },
  preview: { proxy, headers: { 'Content-Security-Policy': contentSecurityPolicy } },
});
