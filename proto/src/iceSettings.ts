// ICE settings shared by every WebRTC endpoint of ours (the robot agent and
// the hub relay), expressed as werift peer-connection options. Kept here so
// both ends offer candidates the same way; plain data, no werift import.

export interface IceOptions {
  /** Only these host addresses are offered (e.g. 127.0.0.1); empty = every interface. */
  hostAddresses: string[];
  /** STUN servers (stun:host:port); empty = none. */
  stunUrls: string[];
  turn?: { url: string; username: string; credential: string };
}

export interface IceServer {
  urls: string;
  username?: string;
  credential?: string;
}

/** The subset of werift's RTCPeerConnection options that decides ICE. */
export interface WeriftIceSettings {
  iceServers: IceServer[];
  iceStunGatherTimeout: number;
  iceUseIpv4?: boolean;
  iceUseIpv6?: boolean;
  iceAdditionalHostAddresses?: string[];
  iceInterfaceAddresses?: { udp4?: string };
  iceFilterCandidatePair?: (pair: { localCandidate: { host: string } }) => boolean;
}

export function iceSettings(ice: IceOptions): WeriftIceSettings {
  const servers: IceServer[] = ice.stunUrls.map((urls) => ({ urls }));
  if (ice.turn) servers.push({ urls: ice.turn.url, username: ice.turn.username, credential: ice.turn.credential });
  const settings: WeriftIceSettings = {
    // werift falls back to a public STUN host when given none: point it at a closed local port instead
    // and give up on it at once (its timeout is in seconds), so gathering does not wait for it.
    iceServers: servers.length > 0 ? servers : [{ urls: 'stun:127.0.0.1:3478' }],
    iceStunGatherTimeout: servers.length > 0 ? 3 : 0.01,
  };
  if (ice.hostAddresses.length > 0) {
    const allowed = new Set(ice.hostAddresses);
    settings.iceUseIpv4 = false;
    settings.iceUseIpv6 = false;
    settings.iceAdditionalHostAddresses = ice.hostAddresses;
    settings.iceInterfaceAddresses = { udp4: ice.hostAddresses[0] };
    settings.iceFilterCandidatePair = (pair) => allowed.has(pair.localCandidate.host);
  }
  return settings;
}

/** Resolves once a peer connection has gathered every candidate (we do not trickle ICE). */
export async function iceGatheringComplete(
  pc: { iceGatheringState: string; iceGatheringStateChange: { subscribe(fn: (state: string) => void): { unSubscribe(): void } } },
  timeoutMs = 5000,
): Promise<void> {
  if (pc.iceGatheringState === 'complete') return;
  await new Promise<void>((resolve) => {
    let sub: { unSubscribe(): void } | undefined;
    const timer = setTimeout(() => {
      sub?.unSubscribe();
      resolve();
    }, timeoutMs);
    sub = pc.iceGatheringStateChange.subscribe((state) => {
      if (state !== 'complete') return;
      clearTimeout(timer);
      sub?.unSubscribe();
      resolve();
    });
  });
}
