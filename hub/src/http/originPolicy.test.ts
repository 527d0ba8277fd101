import { describe, expect, it } from 'vitest';
import { OriginPolicy } from './originPolicy.ts';

describe('OriginPolicy', () => {
  const policy = new OriginPolicy(['http://localhost:5173/']);
  policy.setPublicUrl('https://hub.example.org/console');

  it("allows the public URL's origin and the extra ones, and nothing else, to use a session", () => {
    expect(policy.origins).toEqual(['http://localhost:5173', 'https://hub.example.org']);
    expect(policy.refusal({ origin: 'https://hub.example.org' })).toBeNull();
    expect(policy.refusal({ origin: 'http://localhost:5173' })).toBeNull();
    expect(policy.refusal({ origin: 'https://hub.example.org:8443' })).toMatch(/origin https:\/\/hub.example.org:8443 are not accepted.*--allowed-origins/);
    expect(policy.refusal({ origin: 'http://hub.example.org' })).not.toBeNull();
    expect(policy.refusal({ origin: 'null' })).not.toBeNull();
  });

  it('lets clients that are not browsers in (no Origin), but not a browser request from another site without one', () => {
    expect(policy.refusal({})).toBeNull();
    expect(policy.refusal({ 'sec-fetch-site': 'same-origin' })).toBeNull();
    expect(policy.refusal({ 'sec-fetch-site': 'same-site' })).toMatch(/same-site request without an Origin/);
    expect(policy.refusal({ 'sec-fetch-site': 'cross-site' })).not.toBeNull();
  });

  it('checks only HTTP requests that change something', () => {
    expect(policy.httpRefusal('GET', { origin: 'https://elsewhere.example' })).toBeNull();
    expect(policy.httpRefusal('HEAD', { origin: 'https://elsewhere.example' })).toBeNull();
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) expect(policy.httpRefusal(method, { origin: 'https://elsewhere.example' })).not.toBeNull();
    expect(policy.httpRefusal('POST', { origin: 'https://hub.example.org' })).toBeNull();
  });
});
