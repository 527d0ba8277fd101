// The connection to the hub shared by every page: the socket, whether it is
// connected right now, and the live fleet (robot summaries by id).
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { RobotSummary } from '@teleop/proto';
import { connectHub, request, type HubSocket } from './hubSocket.ts';

export interface Hub {
  socket: HubSocket;
  connected: boolean;
  address: string;
  robots: Map<string, RobotSummary>;
}

const HubContext = createContext<Hub | null>(null);

export function HubProvider({ address, children }: { address: string; children: ReactNode }) {
  const socket = useMemo(() => connectHub(), []);
  const [connected, setConnected] = useState(socket.connected);
  const [robots, setRobots] = useState<Map<string, RobotSummary>>(new Map());

  useEffect(() => {
    const refresh = (): void => {
      request<RobotSummary[]>((ack) => socket.emit('robots:list', ack)).then((list) => setRobots(new Map(list.map((r) => [r.robotId, r]))), () => undefined);
    };
    const onConnect = (): void => {
      setConnected(true);
      refresh();
    };
    const onDisconnect = (): void => setConnected(false);
    const onPresence = (s: RobotSummary): void => setRobots((m) => new Map(m).set(s.robotId, s));
    socket.on('connect', onConnect);
    socket.on('disconnect', onDisconnect);
    socket.on('connect_error', onDisconnect);
    socket.on('robot:presence', onPresence);
    if (socket.connected) onConnect();
    return () => {
      socket.off('connect', onConnect);
      socket.off('disconnect', onDisconnect);
      socket.off('connect_error', onDisconnect);
      socket.off('robot:presence', onPresence);
    };
  }, [socket]);

  // Opened and closed with the provider (twice in development's strict mode, which is fine).
  useEffect(() => {
    socket.connect();
    // For end-to-end tests that cut the connection.
    (window as unknown as { __teleopHubSocket?: HubSocket }).__teleopHubSocket = socket;
    return () => void socket.disconnect();
  }, [socket]);

  return <HubContext.Provider value={{ socket, connected, address, robots }}>{children}</HubContext.Provider>;
}

export function useHub(): Hub {
  const hub = useContext(HubContext);
  if (!hub) throw new Error('useHub outside HubProvider');
  return hub;
}
