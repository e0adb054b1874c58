/**
 * Defences against hostile peers: write tokens that bind STORE to a requester's real address
 * ({@link dev.kademlia.core.defence.WriteTokens}) and a per-address request rate limit
 * ({@link dev.kademlia.core.defence.RateLimiter}). The per-bucket address limits live with the routing
 * table ({@code dev.kademlia.core.routing.AddressDiversity}); store limits are checked where STORE is
 * answered.
 */
package dev.kademlia.core.defence;
