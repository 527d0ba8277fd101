// The console shell: sign-in gate, navigation, connection banner, pages.
import { useEffect, useState } from 'react';
import { HubProvider, useHub } from './hub/hubContext.tsx';
import { CamerasPage } from './pages/CamerasPage.tsx';
import { ConsolePage } from './pages/ConsolePage.tsx';
import { FleetPage } from './pages/FleetPage.tsx';
import { MyRobotsPage } from './pages/MyRobotsPage.tsx';
import { RewardsPage } from './pages/RewardsPage.tsx';
import { EpisodesPage } from './pages/EpisodesPage.tsx';
import { DatasetsPage } from './pages/DatasetsPage.tsx';
import { ReviewPage } from './pages/ReviewPage.tsx';
import { SignInPage } from './pages/SignInPage.tsx';
import { useRoute, type Route } from './router.ts';
import { currentSession, signOut } from './wallet/signIn.ts';

const NAV: { href: string; label: string; page: Route['page'] }[] = [
  { href: '#/fleet', label: 'Fleet', page: 'fleet' },
  { href: '#/episodes', label: 'Episodes', page: 'episodes' },
  { href: '#/my-robots', label: 'My robots', page: 'my-robots' },
  { href: '#/datasets', label: 'Datasets', page: 'datasets' },
  { href: '#/review', label: 'Review', page: 'review' },
  { href: '#/rewards', label: 'Rewards', page: 'rewards' },
];

function short(address: string): string {
  return `${address.slice(0, 6)}…${address.slice(-4)}`;
}

function Shell({ onSignOut }: { onSignOut: () => void }) {
  const route = useRoute();
  const { connected, address } = useHub();
  return (
    <div className="app">
      <header className="topbar">
        <a className="brand" href="#/fleet">
          Teleop Hub
        </a>
        <nav aria-label="Main">
          {NAV.map((n) => (
            <a key={n.href} href={n.href} aria-current={route.page === n.page ? 'page' : undefined}>
              {n.label}
            </a>
          ))}
          {/* The robot at hand: its console and its cameras page, one click apart. */}
          {(route.page === 'console' || route.page === 'cameras') && (
            <span className="nav-robot">
              <a href={`#/console/${route.robotId}`} aria-current={route.page === 'console' ? 'page' : undefined}>
                Console
              </a>
              <a href={`#/robots/${route.robotId}/cameras`} aria-current={route.page === 'cameras' ? 'page' : undefined}>
                Cameras
              </a>
            </span>
          )}
        </nav>
        <span className={`link ${connected ? 'up' : 'down'}`} role="status" aria-live="polite" data-testid="hub-link">
          {connected ? 'hub connected' : 'hub connection lost'}
        </span>
        <span className="who" title={address}>
          {short(address)}
        </span>
        <button type="button" onClick={onSignOut}>
          Sign out
        </button>
      </header>
      {!connected && (
        <div className="banner danger" role="alert">
          Lost the connection to the hub. Nothing is being sent; robots hold their pose. Control leases end with the connection: take the lease again once
          reconnected.
        </div>
      )}
      {route.page === 'fleet' && <FleetPage />}
      {route.page === 'console' && <ConsolePage key={route.robotId} robotId={route.robotId} />}
      {route.page === 'cameras' && <CamerasPage robotId={route.robotId} />}
      {route.page === 'my-robots' && <MyRobotsPage />}
      {route.page === 'datasets' && <DatasetsPage key={`${route.name ?? ''}@${route.version ?? ''}`} {...(route.name ? { name: route.name } : {})} {...(route.version ? { version: route.version } : {})} />}
      {route.page === 'episodes' && <EpisodesPage {...(route.episodeId ? { episodeId: route.episodeId } : {})} />}
      {route.page === 'review' && <ReviewPage />}
      {route.page === 'rewards' && <RewardsPage />}
    </div>
  );
}

export function App() {
  const [address, setAddress] = useState<string | null | undefined>(undefined);
  useEffect(() => {
    currentSession().then(setAddress, () => setAddress(null));
  }, []);
  if (address === undefined) return <main className="centered">Loading…</main>;
  if (address === null) return <SignInPage onSignedIn={setAddress} />;
  return (
    <HubProvider address={address}>
      <Shell
        onSignOut={() => {
          void signOut().then(() => setAddress(null));
        }}
      />
    </HubProvider>
  );
}
