import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { connectHub, hubClock } from './hub/hubSocket.ts';
import { CamerasPage } from './pages/CamerasPage.tsx';
import './styles.css';

const socket = connectHub();
// For end-to-end tests and benchmarks that correct browser times by the measured offset.
(window as unknown as { __teleopClock: typeof hubClock }).__teleopClock = hubClock;

/** Routes by hash: #/robots/<id>/cameras. */
function useRoute(): string {
  const [hash, setHash] = useState(window.location.hash);
  useEffect(() => {
    const on = (): void => setHash(window.location.hash);
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return hash;
}

function App() {
  const route = useRoute();
  const cameras = /^#\/robots\/([a-z0-9_-]+)\/cameras$/.exec(route);
  if (cameras) return <CamerasPage socket={socket} robotId={cameras[1]!} />;
  return (
    <main>
      <h1>Teleop Hub</h1>
      <p>
        Open <code>#/robots/&lt;robot id&gt;/cameras</code> to watch a robot. The full console is on its way.
      </p>
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
