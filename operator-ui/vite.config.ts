import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// In development the hub runs separately (npm start); the dev server proxies the API and socket.io to it.
const hub = process.env.TELEOP_HUB_URL ?? 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
  server: {
    proxy: {
      '/api': hub,
      '/metrics': hub,
      '/socket.io': { target: hub, ws: true },
    },
  },
});
