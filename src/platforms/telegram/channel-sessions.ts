/** A channel a user manages from their private chat with the bot. */
export interface ChannelSession {
  channelId: number;
  title: string;
}

/** How long a channel stays selected without a command. */
export const CHANNEL_SESSION_MS = 60 * 60_000;

/**
 * Which channel each user is managing from their private chat: set when they forward one of the
 * channel's posts (after checking they administer it), renewed by each command, ended by /done
 * or after an hour without one. Kept in memory: after a restart, forwarding a post again is
 * enough.
 *
 * @example
 *   sessions.start(42, { channelId: -1001234, title: 'Morning news' });
 *   sessions.current(42)?.title; // 'Morning news'
 */
export class ChannelSessions {
  private readonly sessions = new Map<number, ChannelSession & { until: number }>();

  constructor(private readonly now: () => number) {}

  start(userId: number, session: ChannelSession): void {
    this.sessions.set(userId, { ...session, until: this.now() + CHANNEL_SESSION_MS });
  }

  /** The channel the user manages now (renewing it), or null. */
  current(userId: number): ChannelSession | null {
    const session = this.sessions.get(userId);
    if (!session) return null;
    if (session.until <= this.now()) {
      this.sessions.delete(userId);
      return null;
    }
    session.until = this.now() + CHANNEL_SESSION_MS;
    return { channelId: session.channelId, title: session.title };
  }

  /** Ends the user's session; returns the channel it was about, if any. */
  end(userId: number): ChannelSession | null {
    const session = this.current(userId);
    this.sessions.delete(userId);
    return session;
  }
}
