// Driving one robot from the console: its description and live state, the
// lease, and the command stream. While this page holds the lease, is visible
// and connected, and the robot is not e-stopped, it sends the current target
// at 60 Hz (a leader arm is read faster than that); anything else stops the
// stream and the robot's watchdog holds it.
import { useCallback, useEffect, useRef, useState } from 'react';
import { describedJoints, fromLong, nowNs, toLong, v1, type EStopLatchView, type LeaseUpdate, type OperatorError, type SubscribeResult } from '@teleop/proto';
import { useHub } from '../hub/hubContext.tsx';
import { request } from '../hub/hubSocket.ts';

export const COMMAND_RATE_HZ = 60;

export interface JointInfo {
  name: string;
  unit: string;
  min: number;
  max: number;
  maxVelocity: number;
}

export interface TeleopState {
  description: v1.RobotDescription | null;
  joints: JointInfo[];
  error: string | null;
  lease: LeaseUpdate | null;
  status: v1.RobotStatus | null;
  /** Latest measured positions. */
  measured: number[] | null;
  /** The commanded target while driving. */
  target: number[] | null;
  /** Command round trip (send -> first state reflecting it), ms, most recent samples. */
  rttMs: number[];
  /** JointStates per second received. */
  stateRateHz: number;
  streaming: boolean;
  /** The hub's last complaint about this robot (refused command, lease...), for the operator. */
  lastError: string | null;
  /** When lastError came (Date.now()), and its code. */
  lastErrorAt: number;
  lastErrorCode: string | null;
  /** The robot's recent events (refused commands, watchdog holds, faults...), newest last. */
  events: RobotEventSeen[];
  /** Frames per second each camera captures, measured from the robot's status counters (null until two statuses). */
  cameraRates: Map<string, number>;
}

export interface RobotEventSeen {
  kind: v1.RobotEvent.Kind;
  message: string;
  reason: string;
  /** Date.now() when it arrived. */
  at: number;
}

/** Events kept for the alerts (the most recent). */
const EVENTS_KEPT = 50;

export interface Teleop extends TeleopState {
  requestLease(): Promise<void>;
  releaseLease(): Promise<void>;
  estop(): void;
  resetEstop(): Promise<void>;
  /** Replaces the target (clamped to joint limits). */
  setTarget(next: number[]): void;
  /** Moves the target by velocities (unit/s) over dt seconds. */
  nudge(velocities: number[], dt: number): void;
  onState(listener: (captureMs: number, arrivedMs: number, positions: number[]) => void): () => void;
}

const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));

export function useTeleop(robotId: string): Teleop {
  const { socket, connected, robots } = useHub();
  // The hub's latch counts from the moment it is pressed (the robot's status says so only once it confirms).
  const latched = useRef(false);
  latched.current = (robots.get(robotId)?.estopLatch ?? null) !== null;
  const [s, setS] = useState<TeleopState>({
    description: null,
    joints: [],
    error: null,
    lease: null,
    status: null,
    measured: null,
    target: null,
    rttMs: [],
    stateRateHz: 0,
    streaming: false,
    lastError: null,
    lastErrorAt: 0,
    lastErrorCode: null,
    events: [],
    cameraRates: new Map(),
  });
  const lastCameraCounts = useRef(new Map<string, { frames: bigint; timeNs: bigint }>());
  const flowing = useRef(new Set<string>());
  const target = useRef<number[] | null>(null);
  const joints = useRef<JointInfo[]>([]);
  const lease = useRef<LeaseUpdate | null>(null);
  const estopped = useRef(false);
  const measured = useRef<number[] | null>(null);
  const sequence = useRef(0n);
  const pending = useRef(new Map<bigint, number>());
  const listeners = useRef(new Set<(c: number, a: number, p: number[]) => void>());
  const stateCount = useRef(0);

  // Subscribe to the robot; (re)done on every (re)connection.
  useEffect(() => {
    if (!connected) {
      // The hub ends our lease with the connection: never resume it silently.
      lease.current = null;
      target.current = null;
      setS((x) => ({ ...x, lease: null, target: null, streaming: false }));
      return;
    }
    let cancelled = false;
    request<SubscribeResult>((ack) => socket.emit('robot:subscribe', { robotId, maxRateHz: 60 }, ack)).then(
      (res) => {
        if (cancelled) return;
        const bytes = new Uint8Array(res.description as ArrayBuffer);
        if (bytes.length === 0) {
          setS((x) => ({ ...x, error: `robot ${robotId} has not described itself yet (is it online?)` }));
          return;
        }
        const d = v1.RobotDescription.decode(bytes);
        joints.current = describedJoints(d).map((j) => ({ name: j.name, unit: j.unit, min: j.minPosition, max: j.maxPosition, maxVelocity: j.maxVelocity }));
        setS((x) => ({ ...x, description: d, joints: joints.current, error: null }));
      },
      (err: Error) => setS((x) => ({ ...x, error: err.message })),
    );
    const onState = (id: string, payload: ArrayBuffer | Uint8Array): void => {
      if (id !== robotId) return;
      const arrived = performance.now();
      const st = v1.JointState.decode(new Uint8Array(payload as ArrayBuffer));
      stateCount.current++;
      measured.current = st.positions;
      const captureMs = Number(fromLong(st.captureTimeNs) / 1000n) / 1000 - performance.timeOrigin;
      for (const l of listeners.current) l(captureMs, arrived, st.positions);
      const applied = fromLong(st.appliedSequence);
      if (lease.current?.leaseId && st.leaseId === lease.current.leaseId) {
        for (const [seq, sentAt] of pending.current) {
          if (seq <= applied) {
            pending.current.delete(seq);
            if (seq === applied) setS((x) => ({ ...x, rttMs: [...x.rttMs.slice(-29), arrived - sentAt] }));
          }
        }
      }
    };
    const onStatus = (id: string, payload: ArrayBuffer | Uint8Array): void => {
      if (id !== robotId) return;
      const status = v1.RobotStatus.decode(new Uint8Array(payload as ArrayBuffer));
      estopped.current = status.estop;
      // Capture rate of each camera between two statuses of the robot (its own clock, its own counters).
      const timeNs = fromLong(status.timeNs);
      const rates = new Map<string, number>();
      for (const c of status.cameras) {
        const name = c.name ?? '';
        const frames = fromLong(c.framesCaptured);
        const before = lastCameraCounts.current.get(name);
        if (before && timeNs - before.timeNs >= 500_000_000n && frames >= before.frames) {
          // The counter is the live path's: it stands still while nobody watches, so a still camera counts as slow
          // only once it was seen capturing.
          if (frames > before.frames) flowing.current.add(name);
          if (flowing.current.has(name)) rates.set(name, Number(frames - before.frames) / (Number(timeNs - before.timeNs) / 1e9));
          lastCameraCounts.current.set(name, { frames, timeNs });
        } else if (!before || frames < before.frames || timeNs < before.timeNs) {
          lastCameraCounts.current.set(name, { frames, timeNs });
        }
      }
      setS((x) => {
        const cameraRates = new Map(x.cameraRates);
        for (const [name, rate] of rates) cameraRates.set(name, rate);
        return { ...x, status, cameraRates };
      });
    };
    const onEvent = (id: string, payload: ArrayBuffer | Uint8Array): void => {
      if (id !== robotId) return;
      const e = v1.RobotEvent.decode(new Uint8Array(payload as ArrayBuffer));
      const seen: RobotEventSeen = { kind: e.kind, message: e.message, reason: e.reason, at: Date.now() };
      setS((x) => ({ ...x, events: [...x.events.slice(-(EVENTS_KEPT - 1)), seen] }));
    };
    const onLease = (u: LeaseUpdate): void => {
      if (u.robotId !== robotId) return;
      // The same lease told again (its deadlines moved while commands flow): nothing restarts.
      if (u.status === 'granted' && lease.current?.status === 'granted' && lease.current.leaseId === u.leaseId) {
        lease.current = u;
        setS((x) => ({ ...x, lease: u }));
        return;
      }
      lease.current = u.status === 'granted' || u.status === 'queued' ? u : null;
      if (u.status === 'granted') {
        // Start from where the arm is: taking the lease never moves it.
        target.current = measured.current ? [...measured.current] : null;
        sequence.current = 0n;
        pending.current.clear();
      } else {
        target.current = null;
      }
      setS((x) => ({ ...x, lease: lease.current, target: target.current }));
    };
    const onError = (e: OperatorError): void => {
      if (e.robotId === undefined || e.robotId === robotId) setS((x) => ({ ...x, lastError: e.message, lastErrorAt: Date.now(), lastErrorCode: e.code }));
    };
    socket.on('robot:state', onState);
    socket.on('robot:status', onStatus);
    socket.on('robot:event', onEvent);
    socket.on('lease:update', onLease);
    socket.on('operator:error', onError);
    return () => {
      cancelled = true;
      socket.off('robot:state', onState);
      socket.off('robot:status', onStatus);
      socket.off('robot:event', onEvent);
      socket.off('lease:update', onLease);
      socket.off('operator:error', onError);
      socket.emit('robot:unsubscribe', { robotId }, () => undefined);
      if (lease.current) socket.emit('lease:release', { robotId }, () => undefined);
    };
  }, [socket, connected, robotId]);

  // The command stream.
  useEffect(() => {
    const timer = setInterval(() => {
      const l = lease.current;
      const t = target.current;
      const active = connected && l?.status === 'granted' && !!l.leaseId && t !== null && !estopped.current && !latched.current && document.visibilityState === 'visible';
      setS((x) => (x.streaming === active ? x : { ...x, streaming: active }));
      if (!active) return;
      const seq = ++sequence.current;
      const bytes = v1.ControlCommand.encode({
        sequence: toLong(seq),
        sendTimeNs: toLong(nowNs()),
        leaseId: l!.leaseId!,
        mode: v1.ControlMode.CONTROL_MODE_JOINT_POSITION,
        values: t!,
      }).finish();
      pending.current.set(seq, performance.now());
      if (pending.current.size > 64) pending.current.delete(pending.current.keys().next().value as bigint);
      // The msgpack parser sends ArrayBuffers (not typed-array views) as binary in browsers.
      socket.emit('control', robotId, bytes.slice().buffer);
    }, 1000 / COMMAND_RATE_HZ);
    return () => clearInterval(timer);
  }, [socket, connected, robotId]);

  // State rate and the displayed measured/target, a few times per second.
  useEffect(() => {
    let last = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      const rate = (stateCount.current * 1000) / (now - last);
      stateCount.current = 0;
      last = now;
      setS((x) => ({ ...x, stateRateHz: rate, measured: measured.current, target: target.current ? [...target.current] : null }));
    }, 250);
    return () => clearInterval(timer);
  }, []);

  const setTarget = useCallback((next: number[]) => {
    if (!target.current) return;
    target.current = next.map((v, i) => clamp(v, joints.current[i]?.min ?? -Infinity, joints.current[i]?.max ?? Infinity));
  }, []);

  const nudge = useCallback((velocities: number[], dt: number) => {
    const t = target.current;
    if (!t) return;
    target.current = t.map((v, i) => {
      const j = joints.current[i];
      const vel = clamp(velocities[i] ?? 0, -(j?.maxVelocity ?? 1), j?.maxVelocity ?? 1);
      return clamp(v + vel * dt, j?.min ?? -Infinity, j?.max ?? Infinity);
    });
  }, []);

  return {
    ...s,
    requestLease: async () => {
      const u = await request<LeaseUpdate>((ack) => socket.emit('lease:request', { robotId }, ack));
      lease.current = u;
      if (u.status === 'granted') target.current = measured.current ? [...measured.current] : null;
      setS((x) => ({ ...x, lease: u, target: target.current }));
    },
    releaseLease: async () => {
      await request<null>((ack) => socket.emit('lease:release', { robotId }, ack));
      lease.current = null;
      target.current = null;
      setS((x) => ({ ...x, lease: null, target: null }));
    },
    estop: () => {
      estopped.current = true;
      socket.emit('estop', { robotId, reason: 'console e-stop' }, () => undefined);
    },
    resetEstop: async () => {
      await request<EStopLatchView | null>((ack) => socket.emit('estop:reset', { robotId }, ack));
    },
    setTarget,
    nudge,
    onState: (listener) => {
      listeners.current.add(listener);
      return () => listeners.current.delete(listener);
    },
  };
}
