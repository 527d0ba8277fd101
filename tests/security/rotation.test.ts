// Issue 15, point 11: rotating a robot's secret ends the live session that
// uses the old one, as revoking does. A thief holding the old secret runs the
// real agent against the real hub and embedded broker; the owner rotates
// (from the console's API, then from the CLI on the hub's data directory).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nowNs } from '@teleop/proto';
import { OperatorClient } from '../harness/OperatorClient.ts';
import { keyFor, signIn } from '../harness/signIn.ts';
import { eventually, runHubCli, startAgent, startHub, tempDir, type RunningHub, type TestProcess } from '../harness/processes.ts';

describe('secret rotation (issue 15, point 11)', () => {
  const data = tempDir('sec-rotation');
  let hub: RunningHub;
  let owner: { token: string };
  let watcher: OperatorClient;
  const agents: TestProcess[] = [];

  const online = async (robotId: string): Promise<boolean> => (await watcher.listRobots()).find((r) => r.robotId === robotId)?.online ?? false;
  const refused = (agent: TestProcess, robotId: string) => agent.waitForLog((l) => String(l.msg).startsWith(`the hub refused robot ${robotId}`));

  beforeAll(async () => {
    hub = await startHub(data.path);
    owner = await signIn(hub.url, keyFor('rotation-owner'));
    watcher = await OperatorClient.connect(hub.url, 'rotation-watcher');
  });

  afterAll(async () => {
    watcher?.close();
    for (const a of agents) await a.stop();
    await hub?.process.stop();
    data.remove();
  });

  it("ends the old secret's live session on rotation, from the API and from the CLI, and lets the new secret in", async () => {
    const enrolled = await fetch(`${hub.url}/api/v1/robots`, {
      method: 'POST',
      headers: { authorization: `Bearer ${owner.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'stolen arm', model: 'so101_sim' }),
    });
    expect(enrolled.status).toBe(201);
    const { robotId, secret: stolenSecret } = (await enrolled.json()) as { robotId: string; secret: string };

    // The thief connects with the stolen secret and streams.
    const thief = await startAgent(hub.url, { robotId, secret: stolenSecret });
    agents.push(thief);
    await eventually(() => online(robotId), undefined, 'the thief online');
    await watcher.subscribe(robotId);
    await watcher.waitForState((s) => s.robotId === robotId);

    // The owner rotates from the console's API: the thief's connection ends and it cannot come back.
    const rotated = await fetch(`${hub.url}/api/v1/robots/${robotId}/rotate-secret`, { method: 'POST', headers: { authorization: `Bearer ${owner.token}` } });
    expect(rotated.status).toBe(200);
    const { secret: newSecret } = (await rotated.json()) as { secret: string };
    await refused(thief, robotId);
    await eventually(async () => !(await online(robotId)), undefined, 'the robot offline after rotation');
    await hub.process.waitForLog((l) => l.msg.includes(`robot ${robotId}`) && l.msg.includes('secret was rotated'));
    await thief.stop();

    // The owner's robot, with the new secret, gets in and is heard.
    const robot = await startAgent(hub.url, { robotId, secret: newSecret });
    agents.push(robot);
    await eventually(() => online(robotId), undefined, 'the robot online with its new secret');
    const since = nowNs();
    await watcher.waitForState((s) => s.robotId === robotId && s.receivedNs > since);

    // Rotating from the CLI (another process, on the hub's data directory) ends the live session too.
    const cli = await runHubCli(['robots', 'rotate-secret', robotId, '--data', data.path, '--json']);
    expect(cli.code).toBe(0);
    await refused(robot, robotId);
    await eventually(async () => !(await online(robotId)), undefined, 'the robot offline after the CLI rotation');
    expect(((await (await fetch(`${hub.url}/api/v1/health`)).json()) as { status: string }).status).toBe('ok');
  });
});
