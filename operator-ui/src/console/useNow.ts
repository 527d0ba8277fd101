import { useEffect, useState } from 'react';

/** The time now, refreshed every `periodMs`: for countdowns and "seen N s ago" readouts. */
export function useNow(periodMs: number): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), periodMs);
    return () => clearInterval(t);
  }, [periodMs]);
  return now;
}
