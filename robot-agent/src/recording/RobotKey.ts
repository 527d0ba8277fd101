// The robot's signing key (secp256k1): created once in the agent's state
// directory, never leaves the robot; its address is announced to the hub and
// every episode manifest is signed with it.
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Hex } from 'viem';
import { generatePrivateKey, privateKeyToAccount, type PrivateKeyAccount } from 'viem/accounts';

export class RobotKeyError extends Error {
  override name = 'RobotKeyError';
}

export function loadOrCreateRobotKey(path: string): PrivateKeyAccount {
  if (existsSync(path)) {
    const key = readFileSync(path, 'utf8').trim();
    if (!/^0x[0-9a-fA-F]{64}$/.test(key)) throw new RobotKeyError(`${path} does not hold a secp256k1 private key (0x + 64 hex digits)`);
    return privateKeyToAccount(key as Hex);
  }
  mkdirSync(dirname(path), { recursive: true });
  const key = generatePrivateKey();
  writeFileSync(path, `${key}\n`, { mode: 0o600 });
  chmodSync(path, 0o600);
  return privateKeyToAccount(key);
}
