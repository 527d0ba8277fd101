// Datasets: browse them (totals, hours, quality), build one (or a new version)
// from a selection of accepted episodes, and a version's page: its contents,
// Merkle root, downloads, the pull command, and a preview of any episode read
// from the dataset itself (its parquet rows and concatenated videos).
import { useEffect, useState, type FormEvent } from 'react';
import { parseUnits } from 'viem';
import { DatasetRegistryAbi, RewardTokenAbi } from '@teleop/contracts/abi';
import type { httpApi } from '@teleop/proto';
import { api } from '../hub/api.ts';
import { useHub } from '../hub/hubContext.tsx';
import { useHubData } from '../hub/useHubData.ts';
import { chainInfo, ensureGas, publicClient, sendFromWallet, tokens, txError, type ChainInfo } from '../wallet/chain.ts';
import { DatasetPreview } from '../replay/DatasetPreview.tsx';

/**
 * A version on chain: its token, whether the chain's root matches the one served here, and for a priced
 * version whether the signed-in wallet has access, with the purchase (approve, then buyAccess with a purpose).
 */
function OnChain({ d, v, onAccess }: { d: httpApi.Dataset; v: httpApi.DatasetVersion; onAccess: (access: boolean) => void }) {
  const { address } = useHub();
  const [chain, setChain] = useState<ChainInfo | null | undefined>(undefined);
  const [rootOnChain, setRootOnChain] = useState<string | null>(null);
  const [access, setAccess] = useState<boolean | null>(null);
  const [purpose, setPurpose] = useState('');
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const check = async (c: ChainInfo): Promise<void> => {
    if (v.tokenId === null) return;
    const client = publicClient(c);
    const onChain = await client.readContract({ address: c.contracts.datasetRegistry, abi: DatasetRegistryAbi, functionName: 'version', args: [BigInt(v.tokenId)] });
    setRootOnChain(onChain.merkleRoot);
    const has = await client.readContract({ address: c.contracts.datasetRegistry, abi: DatasetRegistryAbi, functionName: 'hasAccess', args: [BigInt(v.tokenId), address as `0x${string}`] });
    setAccess(has);
    onAccess(has);
  };
  useEffect(() => {
    chainInfo().then(
      (c) => {
        setChain(c);
        if (c) void check(c).catch((e: Error) => setError(e.message));
      },
      (e: Error) => setError(e.message),
    );
  }, [v.tokenId]);
  if (!chain) return null;
  if (v.tokenId === null) return v.state === 'ready' ? <p className="meta">Not yet published on chain.</p> : null;
  const price = BigInt(d.price);
  const buy = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      await ensureGas(chain, address);
      setStatus('Approving the payment…');
      await sendFromWallet(chain, address, { address: chain.contracts.rewardToken, abi: RewardTokenAbi, functionName: 'approve', args: [chain.contracts.datasetRegistry, price] });
      setStatus('Buying access…');
      const hash = await sendFromWallet(chain, address, { address: chain.contracts.datasetRegistry, abi: DatasetRegistryAbi, functionName: 'buyAccess', args: [BigInt(v.tokenId!), purpose.trim()] });
      setStatus(`Access bought (transaction ${hash}). The download links work for your wallet now.`);
      await check(chain);
    } catch (err) {
      setStatus(null);
      setError(txError(err));
    } finally {
      setBusy(false);
    }
  };
  const matches = rootOnChain !== null && v.merkleRoot !== null && rootOnChain.toLowerCase() === v.merkleRoot.toLowerCase();
  return (
    <section aria-label="On chain" data-testid="on-chain">
      <p className="meta">
        Token #{v.tokenId} in the DatasetRegistry at <code>{chain.contracts.datasetRegistry}</code> (chain {chain.chainId}) ·{' '}
        {rootOnChain === null ? 'reading the chain…' : matches ? <span className="ok">the on-chain root matches</span> : <span className="error">the on-chain root {rootOnChain} differs!</span>}
      </p>
      {price > 0n && (
        <div className="purchase">
          <p>
            Price {tokens(price)}: it goes to the reward pool and is credited to the contributors of this version in the next epoch. {access ? <strong data-testid="has-access">Your wallet has access.</strong> : 'Your wallet has no access yet.'}
          </p>
          {!access && (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                void buy();
              }}
              aria-label="Buy access"
            >
              <label>
                Purpose (shown to the contributors) <input value={purpose} onChange={(e) => setPurpose(e.target.value)} required maxLength={200} placeholder="training a grasp policy" />
              </label>{' '}
              <button type="submit" disabled={busy || purpose.trim() === ''}>
                Buy access for {tokens(price)}
              </button>
            </form>
          )}
          {status && <p role="status">{status}</p>}
        </div>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

const mb = (b: number | null | undefined): string => (b === null || b === undefined ? '—' : `${(b / 1e6).toFixed(1)} MB`);
const pct = (x: number | null): string => (x === null ? '—' : `${(x * 100).toFixed(0)}%`);

/** Token amount as typed (e.g. 2.5) to base units; text that is no amount goes to the hub as is, which says what is wrong. */
function toBaseUnits(text: string): string {
  try {
    return parseUnits(text, 18).toString();
  } catch {
    return text;
  }
}

function SelectionForm({ onSubmit, busy, withDataset }: { onSubmit: (body: Record<string, unknown>) => void; busy: boolean; withDataset: boolean }) {
  const submit = (e: FormEvent<HTMLFormElement>): void => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const text = (k: string): string | undefined => {
      const v = String(f.get(k) ?? '').trim();
      return v === '' ? undefined : v;
    };
    const selection: Record<string, unknown> = {};
    if (text('robotModel')) selection.robotModel = text('robotModel');
    if (text('task')) selection.task = text('task');
    if (text('minScore')) selection.minScore = Number(text('minScore'));
    if (text('from')) selection.from = text('from');
    if (text('to')) selection.to = text('to');
    if (text('operator')) selection.operator = text('operator');
    if (text('episodeIds')) selection.episodeIds = text('episodeIds')!.split(/[\s,]+/).filter(Boolean);
    onSubmit(withDataset ? { name: text('name'), title: text('title'), description: text('description'), license: text('license'), price: toBaseUnits(text('price') ?? '0'), units: text('units') ?? 'radians', selection } : { selection });
  };
  return (
    <form className="dataset-form" onSubmit={submit} aria-label={withDataset ? 'New dataset' : 'New version'}>
      {withDataset && (
        <fieldset>
          <legend>Dataset</legend>
          <label>
            Name <input name="name" required pattern="[a-z0-9][a-z0-9._\-]{0,63}" placeholder="so101-pick-cube" />
          </label>
          <label>
            Title <input name="title" placeholder="SO-101 pick the cube" />
          </label>
          <label>
            License <input name="license" defaultValue="CC-BY-4.0" />
          </label>
          <label>
            Price in TELEOP (0 = open) <input name="price" defaultValue="0" inputMode="decimal" />
          </label>
          <label>
            Joint units{' '}
            <select name="units" defaultValue="radians">
              <option value="radians">radians (as recorded)</option>
              <option value="degrees">degrees (LeRobot SO-101 use_degrees)</option>
              <option value="normalized">-100..100 (LeRobot SO-101 default)</option>
            </select>
          </label>
          <label className="wide">
            Description <textarea name="description" rows={2} />
          </label>
        </fieldset>
      )}
      <fieldset>
        <legend>Accepted episodes to include</legend>
        <label>
          Robot model <input name="robotModel" placeholder="so101_follower" />
        </label>
        <label>
          Task <input name="task" />
        </label>
        <label>
          Quality at least (0-1) <input name="minScore" type="number" min="0" max="1" step="0.05" />
        </label>
        <label>
          From <input name="from" type="date" />
        </label>
        <label>
          To <input name="to" type="date" />
        </label>
        <label>
          Operator <input name="operator" placeholder="0x…" />
        </label>
        <label className="wide">
          Or these episode ids <input name="episodeIds" placeholder="e-…, e-…" />
        </label>
      </fieldset>
      <button type="submit" disabled={busy}>
        {withDataset ? 'Build dataset' : 'Build new version'}
      </button>
    </form>
  );
}

function VersionPage({ name, version }: { name: string; version: number }) {
  const { data: d, error: loadError, reload } = useHubData<httpApi.Dataset>(`/api/v1/datasets/${name}`);
  const [actionError, setActionError] = useState<string | null>(null);
  const error = actionError ?? loadError?.message ?? null;
  const [preview, setPreview] = useState(0);
  const [busy, setBusy] = useState(false);
  const { address } = useHub();
  // A priced version's files (and so its preview) need access: buyers once the chain says so, admins, and whoever
  // operated or owns the robot of every episode in it (the hub answers; its creator pays like anyone).
  const [chainAccess, setChainAccess] = useState(false);
  const [readable, setReadable] = useState(false);
  // Asked again every second while a version builds.
  useEffect(() => {
    if (!d?.versions.some((v) => v.state === 'building')) return;
    const timer = setTimeout(() => void reload(), 1000);
    return () => clearTimeout(timer);
  }, [d, reload]);
  const ready = d?.versions.find((x) => x.version === version)?.state === 'ready';
  useEffect(() => {
    setReadable(false);
    if (!d || !ready || d.price === '0') return;
    let live = true;
    void fetch(`/api/v1/datasets/${d.name}/versions/${version}/files/lerobot/meta/info.json`, { method: 'HEAD' }).then((res) => live && setReadable(res.ok));
    return () => {
      live = false;
    };
  }, [d, ready, version, address, chainAccess]);
  if (error) return <p className="error">{error}</p>;
  if (!d) return <p>Loading…</p>;
  const v = d.versions.find((x) => x.version === version);
  if (!v) return <p className="error">No version {version} of {name}.</p>;
  const s = v.summary;
  const base = `/api/v1/datasets/${d.name}/versions/${v.version}`;
  const pull = `npx teleop-hub dataset pull ${d.name}@${v.version} --hub ${window.location.origin} --out ./${d.name}`;
  return (
    <main className="page">
      <h1>
        {d.title} <span className="state">v{v.version}</span> <span className={`state ${v.state}`}>{v.state}</span>
      </h1>
      <p className="meta">
        <code>{d.name}</code> · {d.license} · {d.price === '0' ? 'open access' : `price ${tokens(d.price)}`} · built {v.builtAt ? new Date(v.builtAt).toLocaleString() : '—'}
        {v.parentVersion !== null && ` · follows v${v.parentVersion}`}
      </p>
      {d.description && <p>{d.description}</p>}
      <OnChain d={d} v={v} onAccess={setChainAccess} />
      {v.state === 'failed' && (
        <p role="alert" className="error">
          The build failed: {v.reason}
        </p>
      )}
      {v.state === 'building' && <p role="status">Building: concatenating videos, writing parquet, hashing files…</p>}
      {s && (
        <>
          <dl className="facts" data-testid="version-facts">
            <dt>Episodes</dt>
            <dd>{s.totalEpisodes}</dd>
            <dt>Frames</dt>
            <dd>
              {s.totalFrames} at {s.fps} fps ({(s.hours * 60).toFixed(1)} min)
            </dd>
            <dt>Tasks</dt>
            <dd>{s.tasks.join(' · ')}</dd>
            <dt>Robot</dt>
            <dd>{s.robotType}</dd>
            <dt>Cameras</dt>
            <dd>{s.cameras.map((c) => `${c.key} ${c.width}x${c.height} ${c.codec}`).join(', ') || 'none'}</dd>
            <dt>Quality</dt>
            <dd>
              min {pct(s.quality.min)} · mean {pct(s.quality.mean)} · max {pct(s.quality.max)}
            </dd>
            <dt>Dropped frames</dt>
            <dd>
              {s.droppedFrames.total} in {s.droppedFrames.episodes} episodes
            </dd>
            <dt>Size</dt>
            <dd>
              {mb(s.bytes.total)} ({mb(s.bytes.lerobot)} LeRobot, {mb(s.bytes.raw)} raw MCAP + MP4), {s.files} files
            </dd>
            <dt>Merkle root</dt>
            <dd>
              <code data-testid="merkle-root">{v.merkleRoot}</code>
            </dd>
          </dl>
          <h2>Download</h2>
          <p>
            <a href={`${base}/archive.tar`} download>
              Whole version (.tar)
            </a>{' '}
            ·{' '}
            <a href={`${base}/manifest`} download={`${d.name}-v${v.version}-manifest.json`}>
              manifest.json
            </a>{' '}
            ·{' '}
            <a href={`${base}/files/lerobot/README.md`}>dataset card</a>
          </p>
          <p>With resume and verification of every file against the root:</p>
          <pre className="command" data-testid="pull-command">{pull}</pre>
          <button type="button" onClick={() => void navigator.clipboard?.writeText(pull)}>
            Copy command
          </button>
          <h2>Preview</h2>
          <label>
            Episode{' '}
            <select value={preview} onChange={(e) => setPreview(Number(e.target.value))} aria-label="Episode to preview">
              {v.episodeIds.map((id, i) => (
                <option key={id} value={i}>
                  {i}: {id}
                </option>
              ))}
            </select>
          </label>
          {d.price === '0' || chainAccess || readable ? (
            <DatasetPreview key={String(chainAccess)} base={base} episodeIndex={preview} />
          ) : (
            <p className="empty">Buy access to preview this priced version.</p>
          )}
        </>
      )}
      <h2>New version</h2>
      <p>A version never changes. A different selection becomes version {Math.max(...d.versions.map((x) => x.version)) + 1}, linked to this one.</p>
      <SelectionForm
        busy={busy}
        withDataset={false}
        onSubmit={(body) => {
          setBusy(true);
          api<httpApi.DatasetVersionRef>(`/api/v1/datasets/${d.name}/versions`, { method: 'POST', body: JSON.stringify({ ...body, parentVersion: v.version }) }).then(
            (r) => (window.location.hash = `#/datasets/${d.name}/${r.version}`),
            (e: Error) => setActionError(e.message),
          ).finally(() => setBusy(false));
        }}
      />
    </main>
  );
}

export function DatasetsPage({ name, version }: { name?: string; version?: number }) {
  const { data, error: loadError } = useHubData<httpApi.DatasetList>(name ? null : '/api/v1/datasets');
  const list = data?.datasets ?? null;
  const [actionError, setActionError] = useState<string | null>(null);
  const error = actionError ?? loadError?.message ?? null;
  const [busy, setBusy] = useState(false);
  if (name) {
    const latest = version ?? list?.find((d) => d.name === name)?.versions.at(-1)?.version ?? 1;
    return <VersionPage name={name} version={latest} />;
  }
  return (
    <main className="page">
      <h1>Datasets</h1>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Dataset</th>
            <th scope="col">Latest</th>
            <th scope="col">Episodes</th>
            <th scope="col">Hours</th>
            <th scope="col">Tasks</th>
            <th scope="col">Quality (min / mean)</th>
            <th scope="col">Access</th>
          </tr>
        </thead>
        <tbody>
          {(list ?? []).map((d) => {
            const v = d.versions.filter((x) => x.state === 'ready').at(-1) ?? d.versions.at(-1);
            const s = v?.summary;
            return (
              <tr key={d.id} data-testid={`dataset-${d.name}`}>
                <td>
                  <a href={`#/datasets/${d.name}/${v?.version ?? 1}`}>{d.title}</a> <code>{d.name}</code>
                </td>
                <td>
                  v{v?.version} <span className={`state ${v?.state}`}>{v?.state}</span>
                </td>
                <td>{s?.totalEpisodes ?? '—'}</td>
                <td>{s ? s.hours.toFixed(2) : '—'}</td>
                <td>{s?.totalTasks ?? '—'}</td>
                <td>{s ? `${pct(s.quality.min)} / ${pct(s.quality.mean)}` : '—'}</td>
                <td>{d.price === '0' ? 'open' : `price ${tokens(d.price)}`}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {list?.length === 0 && <p className="empty">No datasets yet. Build one from accepted episodes below.</p>}
      <h2>Build a dataset</h2>
      <SelectionForm
        busy={busy}
        withDataset
        onSubmit={(body) => {
          setBusy(true);
          setActionError(null);
          api<httpApi.DatasetVersionRef>('/api/v1/datasets', { method: 'POST', body: JSON.stringify(body) }).then(
            (r) => (window.location.hash = `#/datasets/${String(body.name)}/${r.version}`),
            (e: Error) => setActionError(e.message),
          ).finally(() => setBusy(false));
        }}
      />
    </main>
  );
}
