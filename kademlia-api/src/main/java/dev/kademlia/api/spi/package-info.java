/**
 * Service-provider interfaces: what a transport ({@link dev.kademlia.api.spi.Transport}), a store
 * ({@link dev.kademlia.api.spi.Store}) and a scheduler ({@link dev.kademlia.api.spi.Scheduler}) must do,
 * and how providers are found ({@link dev.kademlia.api.spi.Providers}).
 */
package dev.kademlia.api.spi;
