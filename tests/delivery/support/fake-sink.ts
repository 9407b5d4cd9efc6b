import type { DeliveryChannel } from '../../../src/delivery/delivery-channel.ts';
import { DeliveryError } from '../../../src/delivery/delivery-error.ts';
import type { DeliveryLimits } from '../../../src/delivery/send/channel-limits.ts';
import type { ChatRecord } from '../../../src/store/records.ts';

/** One message the fake platform accepted. */
export interface SinkMessage {
  chatId: string;
  payload: string;
  at: number;
  messageId: string;
}

type Behaviour =
  | { kind: 'fail'; error: () => DeliveryError; times: number }
  | { kind: 'blocked'; description: string }
  | { kind: 'migrated'; to: string };

/**
 * A platform for delivery tests: accepts messages (recording them with the time), and can be
 * told to fail (transiently, rate-limited, permanently), to have a chat migrate, to be slow
 * for one chat, or to hang forever. It also checks its own limits: every accepted message is
 * checked against `limits`, and `violations` lists those that broke them.
 */
export class FakeSink implements DeliveryChannel {
  readonly platform = 'telegram' as const;
  readonly messages: SinkMessage[] = [];
  readonly violations: string[] = [];
  readonly attempts: { chatId: string; at: number }[] = [];
  private readonly behaviours = new Map<string, Behaviour[]>();
  private readonly delays = new Map<string, number>();
  private nextId = 1;

  constructor(
    readonly limits: DeliveryLimits,
    private readonly now: () => number = Date.now,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  ) {}

  render(digest: { stories: { headline: string }[] }): string[] {
    // One message per story keeps part counts easy to reason about in tests.
    return digest.stories.length ? digest.stories.map((story) => story.headline) : ['nothing new'];
  }

  failNext(chatId: string, error: () => DeliveryError, times = 1): this {
    this.push(chatId, { kind: 'fail', error, times });
    return this;
  }

  block(chatId: string, description = 'Forbidden: bot was blocked by the user'): this {
    this.push(chatId, { kind: 'blocked', description });
    return this;
  }

  unblock(chatId: string): this {
    this.behaviours.set(
      chatId,
      (this.behaviours.get(chatId) ?? []).filter((behaviour) => behaviour.kind !== 'blocked'),
    );
    return this;
  }

  migrate(chatId: string, to: string): this {
    this.push(chatId, { kind: 'migrated', to });
    return this;
  }

  slow(chatId: string, ms: number): this {
    this.delays.set(chatId, ms);
    return this;
  }

  to(chatId: string): string[] {
    return this.messages.filter((message) => message.chatId === chatId).map((message) => message.payload);
  }

  private push(chatId: string, behaviour: Behaviour): void {
    this.behaviours.set(chatId, [...(this.behaviours.get(chatId) ?? []), behaviour]);
  }

  async send(chat: ChatRecord, payload: string): Promise<string | null> {
    this.attempts.push({ chatId: chat.chatId, at: this.now() });
    const delay = this.delays.get(chat.chatId);
    if (delay) await this.sleep(delay);
    const queue = this.behaviours.get(chat.chatId) ?? [];
    const behaviour = queue[0];
    if (behaviour?.kind === 'blocked') throw new DeliveryError('permanent', behaviour.description, { status: 403 });
    if (behaviour?.kind === 'migrated') {
      throw new DeliveryError('migrated', 'Bad Request: group chat was upgraded to a supergroup chat', { status: 400, migrateToChatId: behaviour.to });
    }
    if (behaviour?.kind === 'fail') {
      behaviour.times--;
      if (behaviour.times <= 0) queue.shift();
      throw behaviour.error();
    }
    this.check(chat);
    const message = { chatId: chat.chatId, payload, at: this.now(), messageId: String(this.nextId++) };
    this.messages.push(message);
    return message.messageId;
  }

  private check(chat: ChatRecord): void {
    const at = this.now();
    const global = this.limits.global;
    if (global) {
      const recent = this.messages.filter((message) => message.at > at - global.perMs).length;
      if (recent >= global.count) this.violations.push(`global: ${recent + 1} messages within ${global.perMs} ms at ${at}`);
    }
    const own = this.limits.perChat[chat.kind];
    if (own) {
      const recent = this.messages.filter((message) => message.chatId === chat.chatId && message.at > at - own.perMs).length;
      if (recent >= own.count) this.violations.push(`chat ${chat.chatId}: ${recent + 1} messages within ${own.perMs} ms at ${at}`);
      const previous = this.messages.findLast((message) => message.chatId === chat.chatId);
      if (own.minGapMs && previous && at - previous.at < own.minGapMs) this.violations.push(`chat ${chat.chatId}: two messages ${at - previous.at} ms apart at ${at}`);
    }
  }
}
