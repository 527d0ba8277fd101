// Robot owners: enroll a robot (its secret is shown once, with the exact
// agent command), revoke or rotate credentials, online time, episodes and
// earnings, and who may get its data: open, private (never in a dataset) or
// restricted to listed buyers.
import { useCallback, useEffect, useState } from 'react';
import type { httpApi } from '@teleop/proto';
import { api } from '../hub/api.ts';
import { getAddress, zeroAddress } from 'viem';
import { RobotRegistryAbi } from '@teleop/contracts/abi';
import { robotIdOnChain } from '@teleop/proto';
import { useHub } from '../hub/hubContext.tsx';
import { useHubData } from '../hub/useHubData.ts';
import { chainInfo, ensureGas, publicClient, sendFromWallet, tokens, txError, type ChainInfo } from '../wallet/chain.ts';

/** The robot in RobotRegistry: registered by its owner's wallet with the key it signs episodes with. */
function OnChainRobot({ robot }: { robot: httpApi.OwnedRobot }) {
  const { address } = useHub();
  const [chain, setChain] = useState<ChainInfo | null | undefined>(undefined);
  const [onChain, setOnChain] = useState<{ owner: string; signer: string; retired: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const id = robotIdOnChain(robot.robotId);
  const load = useCallback(async (c: ChainInfo) => {
    const r = await publicClient(c).readContract({ address: c.contracts.robotRegistry, abi: RobotRegistryAbi, functionName: 'robot', args: [id] });
    setOnChain({ owner: r.owner, signer: r.signer, retired: r.retired });
  }, [id]);
  useEffect(() => {
    chainInfo().then((c) => {
      setChain(c);
      if (c) void load(c).catch((e: Error) => setError(e.message));
    }, (e: Error) => setError(e.message));
  }, [load]);
  if (!chain) return <span className="meta">{chain === null ? 'no chain' : '…'}</span>;
  if (!onChain) return <span className="meta">{error ?? 'reading…'}</span>;
  const send = (functionName: 'enroll' | 'rotateKey'): void => {
    setBusy(true);
    setError(null);
    void (async () => {
      await ensureGas(chain, address);
      await sendFromWallet(chain, address, { address: chain.contracts.robotRegistry, abi: RobotRegistryAbi, functionName, args: [id, getAddress(robot.signingAddress!)] });
      await load(chain);
    })()
      .catch((err: unknown) => setError(txError(err)))
      .finally(() => setBusy(false));
  };
  const registered = onChain.owner !== zeroAddress;
  const current = registered && robot.signingAddress !== null && onChain.signer.toLowerCase() === robot.signingAddress.toLowerCase();
  return (
    <span data-testid={`on-chain-${robot.robotId}`}>
      {!registered && (
        <button type="button" disabled={busy || !robot.signingAddress} title={robot.signingAddress ? '' : 'the robot has not announced its signing key yet: start its agent once'} onClick={() => send('enroll')}>
          Register on chain
        </button>
      )}
      {registered && current && <span className="ok">registered, key current</span>}
      {registered && !current && onChain.owner === address && robot.signingAddress && (
        <button type="button" disabled={busy} onClick={() => send('rotateKey')}>
          Update key on chain
        </button>
      )}
      {registered && onChain.owner !== address && <span className="error">registered by {onChain.owner}</span>}
      {error && (
        <span className="error" role="alert">
          {' '}
          {error}
        </span>
      )}
    </span>
  );
}

function DataPolicy({ robot, onSaved }: { robot: httpApi.OwnedRobot; onSaved: (p: Promise<unknown>) => void }) {
  const [policy, setPolicy] = useState(robot.dataPolicy);
  const [buyers, setBuyers] = useState(robot.allowedBuyers.join(', '));
  const [license, setLicense] = useState(robot.dataLicense);
  const [floor, setFloor] = useState(robot.floorPricePerHour ?? '');
  const changed =
    policy !== robot.dataPolicy ||
    (policy === 'restricted' && buyers !== robot.allowedBuyers.join(', ')) ||
    (policy === 'open' && license !== robot.dataLicense) ||
    (policy === 'commercial' && floor !== (robot.floorPricePerHour ?? ''));
  return (
    <form
      className="data-policy"
      onSubmit={(e) => {
        e.preventDefault();
        const allowedBuyers = policy === 'restricted' ? buyers.split(/[\s,]+/).filter(Boolean) : [];
        const body = { policy, allowedBuyers, ...(policy === 'open' ? { license } : {}), ...(policy === 'commercial' ? { floorPricePerHour: floor } : {}) };
        onSaved(api<httpApi.RobotDataPolicy>(`/api/v1/robots/${robot.robotId}/data-policy`, { method: 'PUT', body: JSON.stringify(body) }));
      }}
    >
      <select value={policy} onChange={(e) => setPolicy(e.target.value as httpApi.DataPolicy)} aria-label={`Data policy of ${robot.robotId}`}>
        <option value="open">open: free datasets under my license, and priced ones</option>
        <option value="commercial">commercial: priced datasets only, at my floor per hour</option>
        <option value="restricted">restricted: listed buyers only</option>
        <option value="private">private: only me, its operators, assigned reviewers and admins</option>
      </select>
      {policy === 'open' && <input value={license} onChange={(e) => setLicense(e.target.value)} placeholder="CC-BY-4.0" aria-label="License" required />}
      {policy === 'commercial' && <input value={floor} onChange={(e) => setFloor(e.target.value)} placeholder="token base units per hour" aria-label="Floor price per hour" pattern="[0-9]+" required />}
      {policy === 'restricted' && <input value={buyers} onChange={(e) => setBuyers(e.target.value)} placeholder="0x…, 0x…" aria-label="Allowed buyers" required />}
      {changed && <button type="submit">Save</button>}
    </form>
  );
}

function hours(seconds: number): string {
  return seconds < 3600 ? `${Math.round(seconds / 60)} min` : `${(seconds / 3600).toFixed(1)} h`;
}

export function MyRobotsPage() {
  const { data, error: loadError, reload } = useHubData<httpApi.OwnedRobotList>('/api/v1/me/robots');
  const robots = data?.robots ?? null;
  const [actionError, setActionError] = useState<string | null>(null);
  const error = actionError ?? loadError?.message ?? null;
  const [shown, setShown] = useState<httpApi.RobotCredentials | null>(null);
  const [name, setName] = useState('');
  const [model, setModel] = useState('so101_follower');

  const act = (p: Promise<unknown>): void => {
    setActionError(null);
    p.then(reload, (e: Error) => setActionError(e.message));
  };

  return (
    <main className="page">
      <h1>My robots</h1>
      <form
        className="enroll"
        onSubmit={(e) => {
          e.preventDefault();
          act(api<httpApi.RobotCredentials>('/api/v1/robots', { method: 'POST', body: JSON.stringify({ name, model }) }).then(setShown));
        }}
      >
        <h2>Enroll a robot</h2>
        <label>
          Name <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={100} placeholder="lab arm 2" />
        </label>
        <label>
          Model <input value={model} onChange={(e) => setModel(e.target.value)} required maxLength={64} />
        </label>
        <button type="submit">Enroll</button>
      </form>
      {shown && (
        <section className="secret" role="status" aria-label="New robot credentials">
          <h2>Credentials for {shown.robotId}</h2>
          <p>
            The secret is shown <strong>once</strong>; only its hash is stored. Run this on the robot:
          </p>
          <pre data-testid="agent-command">{shown.command}</pre>
          <button type="button" onClick={() => void navigator.clipboard?.writeText(shown.command)}>
            Copy command
          </button>{' '}
          <button type="button" className="secondary" onClick={() => setShown(null)}>
            I stored it
          </button>
        </section>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Robot</th>
            <th scope="col">Model</th>
            <th scope="col">Status</th>
            <th scope="col">Online (7 days)</th>
            <th scope="col">Episodes</th>
            <th scope="col">Earnings</th>
            <th scope="col">Data</th>
            <th scope="col">On chain</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {(robots ?? []).map((r) => (
            <tr key={r.robotId}>
              <td>
                {r.name}
                <br />
                <code>{r.robotId}</code>
              </td>
              <td>{r.model}</td>
              <td>{r.summary?.online ? `online${r.summary.leaseHolder ? ', driven' : ''}` : 'offline'}</td>
              <td>{hours(r.onlineSecondsLastWeek)}</td>
              <td>
                {r.episodes.accepted} accepted of {r.episodes.total}
              </td>
              <td title="your owner's share of this robot's episodes, settled per epoch">{tokens(r.earnings)}</td>
              <td className="data">
                <DataPolicy key={`${r.dataPolicy}:${r.allowedBuyers.join(',')}`} robot={r} onSaved={act} />
              </td>
              <td>
                <OnChainRobot robot={r} />
              </td>
              <td className="row-actions">
                <button type="button" onClick={() => act(api<httpApi.RobotCredentials>(`/api/v1/robots/${r.robotId}/rotate-secret`, { method: 'POST' }).then(setShown))}>
                  Rotate secret
                </button>
                <button type="button" disabled={!r.summary?.leaseHolder} onClick={() => act(api<httpApi.LeaseRevoked>(`/api/v1/robots/${r.robotId}/lease/revoke`, { method: 'POST' }))}>
                  End lease
                </button>
                <button
                  type="button"
                  className="danger"
                  onClick={() => {
                    if (window.confirm(`Revoke ${r.name}? It is disconnected and can never connect again.`)) act(api<httpApi.RobotRevoked>(`/api/v1/robots/${r.robotId}/revoke`, { method: 'POST' }));
                  }}
                >
                  Revoke
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {robots?.length === 0 && <p className="empty">You own no robots yet.</p>}
    </main>
  );
}
