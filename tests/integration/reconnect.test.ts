// The robot survives its hub going away: it drops the lease and holds, then
// reconnects with backoff and re-announces itself to the restarted hub.
import { afterAll, describe, expect, it } from 'vitest';
import { OperatorClient } from '../harness/OperatorClient.ts';
import { freePort } from '../harness/mosquitto.ts';
import { enrollRobot, eventually, startAgent, startHub, tempDir, type RunningHub, type TestProcess } from '../harness/processes.ts';

describe('hub restart', () => {
  const data = tempDir('restart');
  let hub: RunningHub | undefined;
  let agent: TestProcess | undefined;
  const clients: OperatorClient[] = [];

  afterAll(async () => {
    for (const c of clients) c.close();
    await agent?.stop();
    await hub?.process.stop();
    data.remove();
  });

  it('the agent holds when the hub dies, reconnects when it returns, and can be driven again', async () => {
    const creds = await enrollRobot(data.path);
    const ports = ['--port', String(await freePort()), '--mqtt-port', String(await freePort())];
    hub = await startHub(data.path, ports);
    agent = await startAgent(hub.url, creds);
    const first = await OperatorClient.connect(hub.url, 'first');
    clients.push(first);
    await eventually(async () => (await first.listRobots()).find((r) => r.robotId === creds.robotId && r.online), undefined, 'online');
    await first.subscribe(creds.robotId);
    expect((await first.requestLease(creds.robotId)).status).toBe('granted');
    const stop = first.stream(creds.robotId, [0.5, 0, 0, 0, 0, 0], 50);
    await first.waitForState((s) => s.state.positions[0]! > 0.1);
    stop();

    await hub.process.stop('SIGKILL');
    await agent.waitForLog((l) => l.msg === 'lost the hub: lease dropped, holding pose');
    const url = hub.url;
    await new Promise((r) => setTimeout(r, 1500));

    hub = await startHub(data.path, ports);
    expect(hub.url).toBe(url);
    const connects = () => agent!.logs.filter((l) => l.msg === 'connected to the hub broker').length;
    await eventually(() => connects() >= 2, undefined, 'agent reconnected');

    const second = await OperatorClient.connect(hub.url, 'second');
    clients.push(second);
    const summary = await eventually(async () => (await second.listRobots()).find((r) => r.robotId === creds.robotId && r.online), undefined, 'online again');
    expect(summary.leaseHolder).toBeNull();
    const sub = await second.subscribe(creds.robotId);
    expect(sub.describe.joints).toHaveLength(6);
    expect((await second.requestLease(creds.robotId)).status).toBe('granted');
    const seq = second.send(creds.robotId, [0.2, 0, 0, 0, 0, 0]);
    await second.waitApplied(seq);
  });
});
