// How the project's ids appear on chain. A robot id (2-64 characters) is a
// bytes32 in RobotRegistry: its UTF-8 bytes right-padded when they fit
// (readable in any explorer), else their keccak-256.
import { keccak256, stringToHex, toHex, type Hex } from 'viem';

export function robotIdOnChain(robotId: string): Hex {
  return new TextEncoder().encode(robotId).length <= 32 ? stringToHex(robotId, { size: 32 }) : keccak256(toHex(robotId));
}
