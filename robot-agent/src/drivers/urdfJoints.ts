// Reads the movable joints and their limits out of a URDF document, so a
// driver's JointSpecs come from the same file the console draws.
import type { v1 } from '@teleop/proto';

export class UrdfParseError extends Error {
  override name = 'UrdfParseError';
}

const jointPattern = /<joint\b([^>]*)>([\s\S]*?)<\/joint>/g;

function attribute(attrs: string, name: string): string | undefined {
  return new RegExp(`\\b${name}\\s*=\\s*"([^"]*)"`).exec(attrs)?.[1];
}

function numberAttribute(attrs: string, name: string, joint: string): number {
  const raw = attribute(attrs, name);
  const value = raw === undefined ? Number.NaN : Number(raw);
  if (!Number.isFinite(value)) {
    throw new UrdfParseError(`URDF joint "${joint}": limit attribute ${name}="${raw ?? ''}" is missing or not a number`);
  }
  return value;
}

/** Revolute and prismatic joints in document order, with their limits. */
export function urdfJointSpecs(urdf: string): v1.JointSpec.$Properties[] {
  const specs: v1.JointSpec.$Properties[] = [];
  for (const match of urdf.matchAll(jointPattern)) {
    const attrs = match[1] ?? '';
    const body = match[2] ?? '';
    const name = attribute(attrs, 'name');
    const type = attribute(attrs, 'type');
    if (!name) throw new UrdfParseError('URDF has a <joint> without a name');
    if (type !== 'revolute' && type !== 'prismatic') continue;
    const limit = /<limit\b([^>]*)\/?>/.exec(body)?.[1];
    if (limit === undefined) throw new UrdfParseError(`URDF joint "${name}" has no <limit>`);
    const minPosition = numberAttribute(limit, 'lower', name);
    const maxPosition = numberAttribute(limit, 'upper', name);
    if (!(minPosition < maxPosition)) {
      throw new UrdfParseError(`URDF joint "${name}": lower limit ${minPosition} is not below upper limit ${maxPosition}`);
    }
    specs.push({
      name,
      unit: type === 'revolute' ? 'rad' : 'm',
      minPosition,
      maxPosition,
      maxVelocity: numberAttribute(limit, 'velocity', name),
      maxEffort: numberAttribute(limit, 'effort', name),
    });
  }
  return specs;
}
