/**
 * Discord's permission arithmetic, written independently of discord.js so the fake can judge the
 * bot's requests on its own (https://discord.com/developers/docs/topics/permissions).
 *
 * @example
 *   computePermissions(guild, channel, botUserId) & BITS.SendMessages; // 0n when the bot may not post
 */
export const BITS = {
  Administrator: 1n << 3n,
  ManageChannels: 1n << 4n,
  ViewChannel: 1n << 10n,
  SendMessages: 1n << 11n,
  EmbedLinks: 1n << 14n,
  AttachFiles: 1n << 15n,
  ReadMessageHistory: 1n << 16n,
  MentionEveryone: 1n << 17n,
  CreatePublicThreads: 1n << 35n,
  SendMessagesInThreads: 1n << 38n,
} as const;

/** Every permission Discord defines today (an administrator or the owner has them all). */
export const ALL_PERMISSIONS = (1n << 51n) - 1n;

export interface FakeRole {
  id: string;
  name: string;
  permissions: bigint;
  position: number;
}

export interface FakeOverwrite {
  id: string;
  /** 0 role, 1 member. */
  type: 0 | 1;
  allow: bigint;
  deny: bigint;
}

export interface FakeGuildForPermissions {
  id: string;
  ownerId: string;
  roles: FakeRole[];
  members: Map<string, { roles: string[] }>;
}

/** Guild-wide permissions of a member: @everyone and their roles; owners and administrators have all. */
export function basePermissions(guild: FakeGuildForPermissions, userId: string): bigint {
  if (guild.ownerId === userId) return ALL_PERMISSIONS;
  const member = guild.members.get(userId);
  if (!member) return 0n;
  let permissions = guild.roles.find((role) => role.id === guild.id)?.permissions ?? 0n;
  for (const roleId of member.roles) permissions |= guild.roles.find((role) => role.id === roleId)?.permissions ?? 0n;
  return permissions & BITS.Administrator ? ALL_PERMISSIONS : permissions;
}

/**
 * A member's permissions in a channel: base permissions, then the @everyone overwrite, the
 * role overwrites together, and the member's own overwrite. Without View Channel, nothing.
 */
export function computePermissions(guild: FakeGuildForPermissions, overwrites: readonly FakeOverwrite[], userId: string): bigint {
  const base = basePermissions(guild, userId);
  if (base === ALL_PERMISSIONS) return ALL_PERMISSIONS;
  let permissions = base;
  const everyone = overwrites.find((overwrite) => overwrite.id === guild.id);
  if (everyone) permissions = (permissions & ~everyone.deny) | everyone.allow;
  const roles = new Set(guild.members.get(userId)?.roles ?? []);
  let allow = 0n;
  let deny = 0n;
  for (const overwrite of overwrites) {
    if (overwrite.type === 0 && roles.has(overwrite.id)) {
      allow |= overwrite.allow;
      deny |= overwrite.deny;
    }
  }
  permissions = (permissions & ~deny) | allow;
  const own = overwrites.find((overwrite) => overwrite.type === 1 && overwrite.id === userId);
  if (own) permissions = (permissions & ~own.deny) | own.allow;
  return permissions & BITS.ViewChannel ? permissions : 0n;
}
