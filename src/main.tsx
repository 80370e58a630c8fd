import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { applyUrl, useAppStore } from './store/store';
import { startUrlSync } from './store/urlSync';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html is missing #root');

// saved datasets first, so a permalink to an imported dataset can open it
void useAppStore
  .getState()
  .restore()
  .catch(() => undefined)
  .then(() => applyUrl(window.location.search))
  .finally(() => {
    startUrlSync();
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
  });
