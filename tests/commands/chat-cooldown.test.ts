import { describe, expect, it } from 'vitest';
import { ChatCooldown } from '../../src/commands/chat-cooldown.ts';

describe('ChatCooldown', () => {
  it('grants one turn per key per interval and says how long to wait', () => {
    let now = 0;
    const cooldown = new ChatCooldown(30_000, () => now);
    expect(cooldown.take('a')).toBe(0);
    expect(cooldown.take('b')).toBe(0);
    now = 12_000;
    expect(cooldown.take('a')).toBe(18_000);
    now = 29_999;
    expect(cooldown.take('a')).toBe(1);
    now = 30_000;
    expect(cooldown.take('a')).toBe(0);
    // A refused ask does not restart the interval.
    now = 40_000;
    expect(cooldown.take('a')).toBe(20_000);
  });

  it('gives a turn back when what it was for could not start', () => {
    let now = 0;
    const cooldown = new ChatCooldown(30_000, () => now);
    expect(cooldown.take('a')).toBe(0);
    now = 10_000;
    expect(cooldown.take('a')).toBe(20_000);
    cooldown.release('a');
    expect(cooldown.take('a')).toBe(0);
    expect(cooldown.take('a')).toBe(30_000);
  });

  it('forgets keys whose interval has passed once it remembers many', () => {
    let now = 0;
    const cooldown = new ChatCooldown(1000, () => now);
    for (let key = 0; key < 10_000; key++) cooldown.take(String(key));
    expect(cooldown.size).toBe(10_000);
    now = 1000;
    expect(cooldown.take('late')).toBe(0);
    expect(cooldown.size).toBe(1);
    expect(cooldown.take('late')).toBe(1000);
  });
});
