import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { hubClock } from './hub/hubSocket.ts';
import './styles.css';

// For end-to-end tests and benchmarks that correct browser times by the measured offset.
(window as unknown as { __teleopClock: typeof hubClock }).__teleopClock = hubClock;

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
