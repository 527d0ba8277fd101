// Leader-arm teleoperation: connect an SO-101 leader plugged into this
// computer (Web Serial), calibrate it here, and while "drive" is on, its
// joint positions become the follower's target (body joints in radians, the
// gripper by its normalised opening mapped onto the follower's gripper range).
import { useEffect, useRef, useState } from 'react';
import { LeaderArm, LeaderArmError, type LeaderReading } from '../leader/LeaderArm.ts';
import { WebSerialTransport, webSerial } from '../leader/webSerial.ts';
import type { Teleop } from './useTeleop.ts';

type Phase = 'idle' | 'connecting' | 'connected' | 'middle' | 'sweep';

export function LeaderPanel({ teleop, driving }: { teleop: Teleop; driving: boolean }) {
  const arm = useRef<LeaderArm | null>(null);
  const transport = useRef<WebSerialTransport | null>(null);
  const [phase, setPhase] = useState<Phase>('idle');
  const [error, setError] = useState<string | null>(null);
  const [drive, setDrive] = useState(false);
  const [reading, setReading] = useState<LeaderReading | null>(null);
  const [rate, setRate] = useState(0);
  const [calibrated, setCalibrated] = useState(false);
  const latest = useRef<LeaderReading | null>(null);
  const driveRef = useRef(false);
  const teleopRef = useRef(teleop);
  teleopRef.current = teleop;
  driveRef.current = drive && driving;

  useEffect(
    () => () => {
      arm.current?.stop();
      void transport.current?.close();
    },
    [],
  );

  // Display refresh (the readings themselves drive the target at their own rate).
  useEffect(() => {
    const t = setInterval(() => {
      setReading(latest.current);
      setRate(arm.current?.readHz ?? 0);
    }, 200);
    return () => clearInterval(t);
  }, []);

  const onReading = (r: LeaderReading): void => {
    latest.current = r;
    if (!driveRef.current) return;
    const t = teleopRef.current;
    const joints = t.joints;
    const gi = joints.findIndex((j) => j.name === 'gripper');
    const next = joints.map((j, i) => {
      if (i === gi) return j.min + ((j.max - j.min) * r.gripperPercent) / 100;
      return r.positions[i] ?? 0;
    });
    t.setTarget(next);
  };

  const connect = async (): Promise<void> => {
    setError(null);
    setPhase('connecting');
    try {
      transport.current = await WebSerialTransport.request();
      transport.current.onClose = (reason) => {
        setDrive(false);
        setPhase('idle');
        setError(`Leader arm disconnected: ${reason}. Driving from it stopped.`);
      };
      const a = new LeaderArm(transport.current);
      await a.init();
      arm.current = a;
      setCalibrated(a.calibration !== null);
      a.start(onReading);
      setPhase('connected');
    } catch (err) {
      await transport.current?.close().catch(() => undefined);
      transport.current = null;
      setPhase('idle');
      setError(err instanceof LeaderArmError || err instanceof Error ? err.message : String(err));
    }
  };

  const step = async (what: () => Promise<void> | void): Promise<void> => {
    setError(null);
    try {
      await what();
    } catch (err) {
      setError((err as Error).message);
    }
  };

  const available = webSerial() !== null;
  return (
    <section className="panel" aria-labelledby="leader-h">
      <h2 id="leader-h">Leader arm</h2>
      {!available && <p>Web Serial is not available in this browser (Chrome or Edge on a desktop, over https or localhost).</p>}
      {phase === 'idle' && (
        <button type="button" onClick={() => void connect()} disabled={!available}>
          Connect leader arm
        </button>
      )}
      {phase === 'connecting' && <p role="status">Connecting…</p>}
      {phase !== 'idle' && phase !== 'connecting' && (
        <>
          <p data-testid="leader-rate">
            Reading {rate.toFixed(0)} Hz{arm.current?.misses ? ` · ${arm.current.misses} missed reads` : ''}
          </p>
          {phase === 'connected' && (
            <p>
              <button type="button" onClick={() => void step(async () => setPhase('middle'))}>
                {calibrated ? 'Recalibrate' : 'Calibrate'}
              </button>{' '}
              <label>
                <input type="checkbox" checked={drive} disabled={!calibrated || !driving} onChange={(e) => setDrive(e.target.checked)} /> Drive with the leader arm
              </label>
            </p>
          )}
          {phase === 'connected' && !calibrated && <p>Calibrate the leader once before driving with it.</p>}
          {phase === 'connected' && calibrated && !driving && <p>Take the lease to drive with it.</p>}
          {phase === 'middle' && (
            <p>
              Move the leader to the middle of its range (every joint halfway, gripper half open), then{' '}
              <button type="button" onClick={() => void step(async () => { await arm.current!.calibrateMiddle(); setPhase('sweep'); })}>
                Set middle pose
              </button>
            </p>
          )}
          {phase === 'sweep' && (
            <p>
              Move every joint but wrist_roll through its whole range, then{' '}
              <button type="button" onClick={() => void step(() => { arm.current!.finishCalibration(); setCalibrated(true); setPhase('connected'); })}>
                Finish calibration
              </button>
            </p>
          )}
          {reading && (
            <p className="meta" data-testid="leader-positions">
              {reading.positions.map((p) => p.toFixed(2)).join(' · ')} rad · gripper {reading.gripperPercent.toFixed(0)}%
            </p>
          )}
        </>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
