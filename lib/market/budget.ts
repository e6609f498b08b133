import "server-only";
import { randomUUID } from "node:crypto";
import { attempt, redisClient } from "../redis/client";

/** Who is asking, most important first: the ticker on every page, then the market table, then coin pages and charts. */
export const callPriorities = ["ticker", "table", "page"] as const;
export type CallPriority = (typeof callPriorities)[number];

export type UpstreamBudget = {
  /** Counts one upstream call if the budget allows it for this priority now; false means serve what is cached. */
  take(priority: CallPriority): Promise<boolean>;
};

export type BudgetOptions = {
  /** Calls in any 60 seconds. */
  perMinute: number;
  /** Calls a minute kept back for each priority from those below it (the ticker's refreshes, the table's). */
  reserved: Record<Exclude<CallPriority, "page">, number>;
  now?: () => number;
};

const WINDOW_MS = 60_000;

/** How many calls in the window a priority may find already made and still make one: the rest is kept for those above. */
function ceilingOf({ perMinute, reserved }: BudgetOptions, priority: CallPriority): number {
  if (priority === "ticker") return perMinute;
  if (priority === "table") return Math.max(0, perMinute - reserved.ticker);
  return Math.max(0, perMinute - reserved.ticker - reserved.table);
}

/** A sliding window of call times, in this process: what one server alone needs. */
export function createLocalBudget(options: BudgetOptions): UpstreamBudget & { takeNow(priority: CallPriority): boolean } {
  const now = options.now ?? Date.now;
  let calls: number[] = [];
  const takeNow = (priority: CallPriority) => {
    const at = now();
    calls = calls.filter((time) => at - time < WINDOW_MS);
    if (calls.length >= ceilingOf(options, priority)) return false;
    calls.push(at);
    return true;
  };
  return { takeNow, take: async (priority) => takeNow(priority) };
}

/**
 * Drops calls older than the window, then counts this one only if the ceiling allows: in one step, for every
 * server, by Redis's clock (the servers' clocks may differ). Refused, it answers how many milliseconds until a
 * call of this priority could be made: the call that must leave the window first is the (count − ceiling + 1)th oldest.
 */
const TAKE = `
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local window, ceiling = tonumber(ARGV[1]), tonumber(ARGV[2])
redis.call('zremrangebyscore', KEYS[1], '-inf', now - window)
local count = redis.call('zcard', KEYS[1])
if count >= ceiling then
  if ceiling <= 0 then return -window end
  local oldest = redis.call('zrange', KEYS[1], count - ceiling, count - ceiling, 'WITHSCORES')
  return -math.max(1, tonumber(oldest[2]) + window - now)
end
redis.call('zadd', KEYS[1], now, ARGV[3])
redis.call('pexpire', KEYS[1], window)
return 1`;

/**
 * The calls to one upstream, counted over a sliding minute. With REDIS_URL the budget is the fleet's: every
 * server counts in one sorted set. While Redis is unreachable or slow, each server keeps to the budget on its
 * own (a fleet of n may then make up to n times it, for as long as Redis is away).
 */
export function createUpstreamBudget(name: string, options: BudgetOptions): UpstreamBudget {
  const local = createLocalBudget(options);
  const client = redisClient();
  if (!client) return local;
  const now = options.now ?? Date.now;
  const key = `hashline:budget:${name}`;
  // Once the fleet's budget is spent for a priority, this server knows when it can next be granted and asks
  // Redis nothing before then: other servers' calls can only make that later. A burst of readers then costs
  // Redis one command per grant, not one per reader.
  const spentUntil: Partial<Record<CallPriority, number>> = {};
  return {
    async take(priority) {
      if (now() < (spentUntil[priority] ?? 0)) return false;
      const answer = await attempt(
        client,
        async () => Number(await client.eval(TAKE, { keys: [key], arguments: [String(WINDOW_MS), String(ceilingOf(options, priority)), randomUUID()] })),
        undefined,
      );
      if (answer === undefined) return local.takeNow(priority);
      if (answer < 0) spentUntil[priority] = now() - answer;
      return answer === 1;
    },
  };
}
