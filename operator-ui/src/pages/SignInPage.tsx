import { useState } from 'react';
import { burnerSigner, injectedProvider, injectedSigner, signIn, type Signer } from '../wallet/signIn.ts';

export function SignInPage({ onSignedIn }: { onSignedIn: (address: string) => void }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const injected = injectedProvider();

  const go = async (make: () => Promise<Signer> | Signer): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      const { address } = await signIn(await make());
      onSignedIn(address);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="centered signin">
      <h1>Teleop Hub</h1>
      <p>Sign in with an Ethereum wallet. Your address is your identity as an operator, robot owner, reviewer or researcher.</p>
      <div className="actions">
        {injected && (
          <button type="button" disabled={busy} onClick={() => void go(() => injectedSigner(injected))}>
            Sign in with browser wallet
          </button>
        )}
        <button type="button" disabled={busy} onClick={() => void go(burnerSigner)} className={injected ? 'secondary' : ''}>
          Sign in with a local burner wallet
        </button>
      </div>
      <p className="hint">The burner wallet is a key kept in this browser only; fine for the local default setup, not for real earnings.</p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </main>
  );
}
