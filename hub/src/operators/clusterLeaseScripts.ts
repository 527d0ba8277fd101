// The Redis side of cluster-wide leases: each change of a robot's lease or
// queue is one Lua script, so it is atomic however many hubs ask at once.
// Keys per robot: lease (JSON of the holder, with a time to live), fence (the
// fencing counter, INCR on every grant, never expires), queue (a list of JSON
// entries, each naming the hub of its connection). A queue entry whose hub's
// liveness key has expired is dropped whenever the queue is read here.

/** A holder as stored in Redis. */
export interface SharedHolder {
  leaseId: string;
  operatorId: string;
  connectionId: string;
  hubId: string;
  grantedAtMs: number;
  expiresAtMs: number;
  token: number;
}

/** A queue entry as stored in Redis. */
export interface SharedQueueEntry {
  operatorId: string;
  connectionId: string;
  hubId: string;
  queuedAtMs: number;
}

export const KEY_PREFIX = 'teleop:';
export const keys = {
  lease: (robotId: string) => `${KEY_PREFIX}lease:${robotId}`,
  fence: (robotId: string) => `${KEY_PREFIX}fence:${robotId}`,
  ended: (leaseId: string) => `${KEY_PREFIX}ended:${leaseId}`,
  queue: (robotId: string) => `${KEY_PREFIX}queue:${robotId}`,
  hubAlive: (hubId: string) => `${KEY_PREFIX}hub:${hubId}`,
  hubAlivePrefix: `${KEY_PREFIX}hub:`,
  estop: (robotId: string) => `${KEY_PREFIX}estop:${robotId}`,
  estopPattern: `${KEY_PREFIX}estop:*`,
  leaseChannel: `${KEY_PREFIX}leases`,
  estopChannel: `${KEY_PREFIX}estops`,
};

// Shared by the scripts that read the queue: the live entries (their hub's liveness key exists), dead ones removed.
const LIVE_QUEUE = `
local function live_queue(qkey, hubprefix)
  local q = redis.call('LRANGE', qkey, 0, -1)
  local live = {}
  for _, e in ipairs(q) do
    local d = cjson.decode(e)
    if redis.call('EXISTS', hubprefix .. d.hubId) == 1 then
      table.insert(live, d)
    else
      redis.call('LREM', qkey, 1, e)
    end
  end
  return live
end
local function grant(KEYS, entry, leaseId, now, maxMs, ttl)
  local token = redis.call('INCR', KEYS[2])
  local h = { leaseId = leaseId, operatorId = entry.operatorId, connectionId = entry.connectionId, hubId = entry.hubId,
    grantedAtMs = now, expiresAtMs = now + maxMs, token = token }
  local v = cjson.encode(h)
  redis.call('SET', KEYS[1], v, 'PX', ttl)
  return v
end
`;

/**
 * Asks for the lease for a connection: granted when the lease is free and nobody (alive) waits before it, else
 * queued (once). KEYS: lease, fence, queue. ARGV: entry JSON, hub liveness prefix, ttl ms, new lease id, now ms, max ms.
 * Returns {'granted', holder JSON} | {'held', holder JSON} | {'queued', position}.
 */
export const REQUEST_LUA = `${LIVE_QUEUE}
local entry = cjson.decode(ARGV[1])
local live = live_queue(KEYS[3], ARGV[2])
local lease = redis.call('GET', KEYS[1])
if lease and cjson.decode(lease).connectionId == entry.connectionId then return { 'held', lease } end
local pos = 0
for i, e in ipairs(live) do if e.connectionId == entry.connectionId then pos = i end end
if (not lease) and (#live == 0 or pos == 1) then
  if pos == 1 then redis.call('LPOP', KEYS[3]) end
  return { 'granted', grant(KEYS, entry, ARGV[4], tonumber(ARGV[5]), tonumber(ARGV[6]), tonumber(ARGV[3])) }
end
if pos == 0 then
  redis.call('RPUSH', KEYS[3], ARGV[1])
  pos = #live + 1
end
return { 'queued', tostring(pos) }
`;

/**
 * A free lease goes to the head of the queue when that connection is this hub's. KEYS: lease, fence, queue.
 * ARGV: hub id, hub liveness prefix, ttl ms, new lease id, now ms, max ms. Returns the holder JSON or false.
 */
export const CLAIM_LUA = `${LIVE_QUEUE}
if redis.call('EXISTS', KEYS[1]) == 1 then return false end
local live = live_queue(KEYS[3], ARGV[2])
local head = live[1]
if not head or head.hubId ~= ARGV[1] then return false end
redis.call('LPOP', KEYS[3])
return grant(KEYS, head, ARGV[4], tonumber(ARGV[5]), tonumber(ARGV[6]), tonumber(ARGV[3]))
`;

/** Extends the lease when it is still `leaseId`. KEYS: lease. ARGV: lease id, ttl ms. Returns 1 or 0. */
export const RENEW_LUA = `
local lease = redis.call('GET', KEYS[1])
if not lease or cjson.decode(lease).leaseId ~= ARGV[1] then return 0 end
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 1
`;

/**
 * Ends the lease when it is still `leaseId`. KEYS: lease, ended (the lease's end record). ARGV: lease id, and when
 * another hub than the holder's ends it, the reason and how long to keep it (ms), for the holder's hub to read.
 * Returns 1 or 0.
 */
export const END_LUA = `
local lease = redis.call('GET', KEYS[1])
if not lease or cjson.decode(lease).leaseId ~= ARGV[1] then return 0 end
redis.call('DEL', KEYS[1])
if ARGV[2] then redis.call('SET', KEYS[2], ARGV[2], 'PX', ARGV[3]) end
return 1
`;

/** Takes a connection out of the queue. KEYS: queue. ARGV: connection id. Returns how many entries went. */
export const LEAVE_LUA = `
local q = redis.call('LRANGE', KEYS[1], 0, -1)
local n = 0
for _, e in ipairs(q) do
  if cjson.decode(e).connectionId == ARGV[1] then
    redis.call('LREM', KEYS[1], 1, e)
    n = n + 1
  end
end
return n
`;

/** Removes the e-stop latch record when it is still `id`. KEYS: estop. ARGV: latch id. Returns 1 or 0. */
export const ESTOP_CLEAR_LUA = `
local l = redis.call('GET', KEYS[1])
if not l or cjson.decode(l).id ~= ARGV[1] then return 0 end
redis.call('DEL', KEYS[1])
return 1
`;
