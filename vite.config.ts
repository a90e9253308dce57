import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/** Vite build for the browser app. */
export default defineConfig({
  plugins: [react()],
  build: { target: 'es2022', sourcemap: true },
  worker: { format: 'es' },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
});
