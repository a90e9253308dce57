/** Browser entry: mounts the Petroflow app into #root. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './editor/App.tsx';

const root = document.getElementById('root');
if (!root) throw new Error('Petroflow: #root element missing from index.html');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
