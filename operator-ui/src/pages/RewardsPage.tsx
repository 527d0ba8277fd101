// Rewards: what the signed-in wallet earned per epoch and the episodes behind
// it, what it can claim now, and the claim itself (a transaction the wallet
// sends to the distributor with the hub's proof). Below: every purchase and
// download of datasets holding its episodes (the usage contributors are owed
// the sight of), and the epochs with their roots. Admins settle from here.
import { useEffect, useState } from 'react';
import type { Hex } from 'viem';
import { RewardDistributorAbi, RewardTokenAbi } from '@teleop/contracts/abi';
import type { httpApi } from '@teleop/proto';
import { api } from '../hub/api.ts';
import { useHub } from '../hub/hubContext.tsx';
import { useHubData } from '../hub/useHubData.ts';
import { chainInfo, ensureGas, publicClient, sendFromWallet, tokens, txError, type ChainInfo } from '../wallet/chain.ts';

const short = (a: string | null): string => (a ? `${a.slice(0, 6)}…${a.slice(-4)}` : 'anonymous');

export function RewardsPage() {
  const { address } = useHub();
  const [chain, setChain] = useState<ChainInfo | null | undefined>(undefined);
  const rewards = useHubData<httpApi.AccountRewards>(`/api/v1/rewards/${address}`);
  const epochList = useHubData<httpApi.EpochList>('/api/v1/rewards/epochs');
  const usageReport = useHubData<httpApi.UsageReport>('/api/v1/me/usage');
  const who = useHubData<httpApi.Roles>('/api/v1/me/roles');
  const mine = rewards.data;
  const epochs = epochList.data?.epochs ?? [];
  const usage = usageReport.data;
  const roles = who.data?.roles ?? [];
  const [balance, setBalance] = useState<bigint | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const error = actionError ?? [rewards, epochList, usageReport, who].find((x) => x.error)?.error?.message ?? null;
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    chainInfo().then(setChain, (e: Error) => setActionError(e.message));
  }, []);

  // The wallet's token balance, read again with every new answer about its rewards (a claim, a faucet).
  useEffect(() => {
    if (!chain || !mine) return;
    let cancelled = false;
    publicClient(chain)
      .readContract({ address: chain.contracts.rewardToken, abi: RewardTokenAbi, functionName: 'balanceOf', args: [mine.address] })
      .then(
        (b) => {
          if (!cancelled) setBalance(b);
        },
        (e: Error) => {
          if (!cancelled) setActionError(e.message);
        },
      );
    return () => {
      cancelled = true;
    };
  }, [chain, mine]);

  const reload = (): Promise<unknown> => Promise.all([rewards.reload(), epochList.reload(), usageReport.reload(), who.reload()]);

  const run = async (what: string, action: () => Promise<string>): Promise<void> => {
    setBusy(true);
    setActionError(null);
    setStatus(`${what}…`);
    try {
      setStatus(await action());
      await reload();
    } catch (err) {
      setStatus(null);
      setActionError(txError(err));
    } finally {
      setBusy(false);
    }
  };

  const claim = (): Promise<void> =>
    run('Claiming', async () => {
      if (!chain || !mine) throw new Error('no chain');
      await ensureGas(chain, address);
      const hash = await sendFromWallet(chain, address, { address: chain.contracts.rewardDistributor, abi: RewardDistributorAbi, functionName: 'claim', args: [mine.address, BigInt(mine.cumulative), mine.proof as Hex[]] });
      return `Claimed ${tokens(mine.claimable)} (transaction ${hash})`;
    });

  const settle = (): Promise<void> =>
    run('Settling', async () => {
      const r = await api<httpApi.Settled>('/api/v1/rewards/settle', { method: 'POST' });
      return r.epoch ? `Epoch ${r.epoch.epoch} settled: ${r.epoch.credits} credits, root ${r.epoch.root}` : 'Nothing new to settle.';
    });

  const faucet = (): Promise<void> =>
    run('Funding', async () => {
      const r = await api<httpApi.FaucetGrant>('/api/v1/chain/faucet', { method: 'POST' });
      return `Funded with 1 ETH for gas and ${tokens(r.tokens)} (local development chain).`;
    });

  const claimable = mine?.claimable ? BigInt(mine.claimable) : 0n;
  return (
    <main className="page">
      <h1>Rewards</h1>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {status && <p role="status">{status}</p>}
      {chain === null && <p className="empty">This hub runs without a chain: epochs are computed but nothing is published or claimable.</p>}
      {mine && (
        <section aria-label="My rewards">
          <dl className="facts" data-testid="my-rewards">
            <dt>Earned (through epoch {mine.epoch ?? '—'})</dt>
            <dd data-testid="cumulative">{tokens(mine.cumulative)}</dd>
            <dt>Claimed</dt>
            <dd>{tokens(mine.claimed)}</dd>
            <dt>Claimable now</dt>
            <dd data-testid="claimable">{tokens(mine.claimable)}</dd>
            <dt>In your wallet</dt>
            <dd data-testid="wallet-balance">{balance === null ? '—' : tokens(balance)}</dd>
          </dl>
          <p>
            <button type="button" onClick={() => void claim()} disabled={busy || !chain || claimable === 0n}>
              Claim {claimable > 0n ? tokens(claimable) : ''}
            </button>{' '}
            {chain?.devFaucet && (
              <button type="button" onClick={() => void faucet()} disabled={busy}>
                Get test ETH and tokens
              </button>
            )}{' '}
            {roles.includes('admin') && (
              <button type="button" onClick={() => void settle()} disabled={busy}>
                Settle an epoch now
              </button>
            )}
          </p>
          <h2>Earnings per epoch</h2>
          {mine.epochs.length === 0 && <p className="empty">No rewards yet. Accepted episodes you operated, recorded on your robots or reviewed earn in the next epoch.</p>}
          {mine.epochs.map((e) => (
            <details key={e.epoch} open={e.epoch === mine.epochs.at(-1)?.epoch}>
              <summary>
                Epoch {e.epoch}: {tokens(e.amount)} from {e.credits.length} credits
              </summary>
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">Episode</th>
                    <th scope="col">As</th>
                    <th scope="col">From</th>
                    <th scope="col">Amount</th>
                  </tr>
                </thead>
                <tbody>
                  {e.credits.map((c, i) => (
                    <tr key={i}>
                      <td>
                        <a href={`#/episodes/${c.episodeId}`}>{c.episodeId}</a>
                      </td>
                      <td>{c.role}</td>
                      <td>{c.source === 'purchase' ? 'dataset purchase' : 'accepted episode'}</td>
                      <td>{tokens(c.amount)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
          ))}
        </section>
      )}
      <h2>Who used your data</h2>
      {usage && usage.datasets.length === 0 && <p className="empty">None of your episodes is in a dataset yet.</p>}
      {usage?.datasets.map((d) => (
        <section key={`${d.datasetId}@${d.version}`} className="usage" data-testid={`usage-${d.name}-${d.version}`}>
          <h3>
            <a href={`#/datasets/${d.name}/${d.version}`}>
              {d.name} v{d.version}
            </a>{' '}
            {d.tokenId !== null && <span className="state">token #{d.tokenId}</span>} · {d.myEpisodes.length} of your episodes
          </h3>
          {d.purchases.length === 0 ? (
            <p className="empty">No purchases.</p>
          ) : (
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Bought by</th>
                  <th scope="col">Purpose</th>
                  <th scope="col">Paid</th>
                  <th scope="col">When</th>
                </tr>
              </thead>
              <tbody>
                {d.purchases.map((p) => (
                  <tr key={p.tx}>
                    <td title={p.buyer}>{short(p.buyer)}</td>
                    <td>{p.purpose}</td>
                    <td>{tokens(p.paid)}</td>
                    <td>{new Date(p.at).toLocaleString()}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <p>
            {d.downloads.length} downloads
            {d.downloads.length > 0 && `, latest by ${short(d.downloads[0]!.address)} ${new Date(d.downloads[0]!.at).toLocaleString()}`} ·{' '}
            {new Set(d.downloads.map((x) => x.address ?? 'anonymous')).size} distinct downloaders
          </p>
        </section>
      ))}
      <h3>Reads of your episodes</h3>
      {usage && usage.episodeAccesses.length === 0 && <p className="empty">Nobody has read your episodes' files yet.</p>}
      {usage && usage.episodeAccesses.length > 0 && (
        <table className="table" data-testid="episode-accesses">
          <thead>
            <tr>
              <th scope="col">Episode</th>
              <th scope="col">Read by</th>
              <th scope="col">As</th>
              <th scope="col">What</th>
              <th scope="col">When</th>
            </tr>
          </thead>
          <tbody>
            {usage.episodeAccesses.slice(0, 100).map((a, i) => (
              <tr key={`${a.episodeId}-${a.at}-${i}`}>
                <td>
                  <a href={`#/episodes/${a.episodeId}`}>
                    <code>{a.episodeId.slice(0, 10)}…</code>
                  </a>
                </td>
                <td title={a.address}>{short(a.address)}</td>
                <td>{a.purpose.replace('_', ' ')}</td>
                <td>{a.path ?? a.kind}</td>
                <td>{new Date(a.at).toLocaleString()}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>Epochs</h2>
      <table className="table" data-testid="epochs">
        <thead>
          <tr>
            <th scope="col">Epoch</th>
            <th scope="col">State</th>
            <th scope="col">Credits</th>
            <th scope="col">Minted</th>
            <th scope="col">Episodes committed</th>
            <th scope="col">Root</th>
          </tr>
        </thead>
        <tbody>
          {epochs.map((e) => (
            <tr key={e.epoch}>
              <td>{e.epoch}</td>
              <td>
                <span className={`state ${e.state}`}>{e.state}</span>
              </td>
              <td>{e.credits}</td>
              <td>{tokens(e.minted)}</td>
              <td>{e.episodes}</td>
              <td>
                <code title={e.publishTx ?? ''}>{e.root.slice(0, 18)}…</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
