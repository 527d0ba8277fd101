import { describe, expect, it } from 'vitest';
import { topicMatches } from './ExternalBroker.ts';
import { robotMayPublish, robotMaySubscribe } from './robotAcl.ts';

describe('robot ACL', () => {
  it('lets a robot publish only its own robot -> hub channels', () => {
    for (const ch of ['presence', 'describe', 'state', 'status', 'events', 'clock/pong', 'media/signal']) {
      expect(robotMayPublish('r-a', `robots/r-a/${ch}`).allowed, ch).toBe(true);
    }
    expect(robotMayPublish('r-a', 'robots/r-a/cmd/control')).toMatchObject({ allowed: false, reason: 'unknown_channel' });
    expect(robotMayPublish('r-a', 'robots/r-b/state')).toMatchObject({ allowed: false, reason: 'foreign_topic' });
    expect(robotMayPublish('r-a', 'robots/r-a')).toMatchObject({ allowed: false, reason: 'foreign_topic' });
    expect(robotMayPublish('r-a', '$SYS/broker')).toMatchObject({ allowed: false });
  });

  it('lets a robot subscribe only below its own id', () => {
    expect(robotMaySubscribe('r-a', 'robots/r-a/cmd/#').allowed).toBe(true);
    expect(robotMaySubscribe('r-a', 'robots/+/cmd/control').allowed).toBe(false);
    expect(robotMaySubscribe('r-a', 'robots/r-a').allowed).toBe(false);
    expect(robotMaySubscribe('r-a', '#').allowed).toBe(false);
  });
});

describe('topicMatches', () => {
  it('implements + and #', () => {
    expect(topicMatches('robots/+/state', 'robots/r-1/state')).toBe(true);
    expect(topicMatches('robots/+/state', 'robots/r-1/status')).toBe(false);
    expect(topicMatches('robots/+/cmd/control', 'robots/r-1/cmd/control')).toBe(true);
    expect(topicMatches('robots/#', 'robots/r-1/cmd/control')).toBe(true);
    expect(topicMatches('robots/+', 'robots/r-1/state')).toBe(false);
  });
});
