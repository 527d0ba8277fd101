// Keyboard and gamepad driving. Keys move one joint each while held; the
// gamepad moves the arm only while its deadman button is held, and a gamepad
// that disappears stops at once (its velocities vanish with it).
import { useEffect, useRef, useState } from 'react';
import type { JointInfo, Teleop } from './useTeleop.ts';

/** Key pairs (+, -) per joint, in joint order. */
export const JOG_KEYS: [string, string][] = [
  ['q', 'a'],
  ['w', 's'],
  ['e', 'd'],
  ['r', 'f'],
  ['t', 'g'],
  ['y', 'h'],
];

/** Standard-mapping gamepad: the deadman is the left shoulder button. */
export const DEADMAN_BUTTON = 4;
const DEAD_ZONE = 0.15;

export interface DriveInputs {
  gamepad: string | null;
  deadmanHeld: boolean;
  keysHeld: string[];
}

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT') && (el as HTMLInputElement).type !== 'range';
}

/** Axis value with a dead zone, rescaled to -1..1. */
const axis = (v: number | undefined): number => (v === undefined || Math.abs(v) < DEAD_ZONE ? 0 : (v - Math.sign(v) * DEAD_ZONE) / (1 - DEAD_ZONE));

export function useDriveInputs(teleop: Teleop, joints: JointInfo[], speed: number): DriveInputs {
  const held = useRef(new Set<string>());
  const [state, setState] = useState<DriveInputs>({ gamepad: null, deadmanHeld: false, keysHeld: [] });
  const teleopRef = useRef(teleop);
  teleopRef.current = teleop;

  useEffect(() => {
    const down = (e: KeyboardEvent): void => {
      if (isTyping(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
      const k = e.key.toLowerCase();
      if (JOG_KEYS.some((p) => p.includes(k))) {
        held.current.add(k);
        e.preventDefault();
      }
    };
    const up = (e: KeyboardEvent): void => void held.current.delete(e.key.toLowerCase());
    // Losing focus must not leave a key "held".
    const blur = (): void => held.current.clear();
    window.addEventListener('keydown', down);
    window.addEventListener('keyup', up);
    window.addEventListener('blur', blur);
    return () => {
      window.removeEventListener('keydown', down);
      window.removeEventListener('keyup', up);
      window.removeEventListener('blur', blur);
    };
  }, []);

  useEffect(() => {
    let last = performance.now();
    let raf = 0;
    let shown = '';
    const tick = (now: number): void => {
      const dt = Math.min(0.1, (now - last) / 1000);
      last = now;
      const v = joints.map(() => 0);
      JOG_KEYS.forEach(([plus, minus], i) => {
        if (i >= joints.length) return;
        const vmax = joints[i]!.maxVelocity * speed;
        if (held.current.has(plus)) v[i]! += vmax;
        if (held.current.has(minus)) v[i]! -= vmax;
      });
      const pad = [...(navigator.getGamepads?.() ?? [])].find((g) => g?.connected) ?? null;
      const deadman = !!pad?.buttons[DEADMAN_BUTTON]?.pressed;
      if (pad && deadman) {
        const a = pad.axes;
        const b = pad.buttons;
        const stick = [axis(a[0]), -axis(a[1]), -axis(a[3]), (b[12]?.pressed ? 1 : 0) - (b[13]?.pressed ? 1 : 0), axis(a[2]), (b[7]?.value ?? 0) - (b[6]?.value ?? 0)];
        stick.forEach((x, i) => {
          if (i < joints.length) v[i]! += x * joints[i]!.maxVelocity * speed;
        });
      }
      if (v.some((x) => x !== 0)) teleopRef.current.nudge(v, dt);
      const next = `${pad?.id ?? ''}|${deadman}|${[...held.current].join('')}`;
      if (next !== shown) {
        shown = next;
        setState({ gamepad: pad?.id ?? null, deadmanHeld: deadman, keysHeld: [...held.current] });
      }
      raf = requestAnimationFrame(tick);
    };
    raf = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(raf);
  }, [joints, speed]);

  return state;
}
