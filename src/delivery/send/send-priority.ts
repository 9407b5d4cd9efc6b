/**
 * Who a message's turn is for, in the order the throttle gives turns: `reply` a command's answer
 * (someone is waiting for it), `requested` a digest someone asked for (/digest), `bulk` the rest
 * (scheduled digests, catch-ups, notices). A higher lane takes the next free turn ahead of the
 * lower ones; within a lane, first come first served.
 *
 * @example
 *   await throttle.pace({ key: '42', kind: 'private' }, 'reply');
 */
export type SendPriority = 'reply' | 'requested' | 'bulk';

/** The lanes, highest first. */
export const SEND_PRIORITIES: readonly SendPriority[] = ['reply', 'requested', 'bulk'];
