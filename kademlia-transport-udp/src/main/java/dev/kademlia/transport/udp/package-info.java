/**
 * A {@link dev.kademlia.api.spi.Transport} over UDP, on an NIO {@link java.nio.channels.DatagramChannel}.
 *
 * <p>A tour:
 * <ul>
 *   <li>{@link dev.kademlia.transport.udp.UdpTransportProvider} is what {@link java.util.ServiceLoader}
 *       finds under the name {@code udp}; nodes built without an explicit transport use it.</li>
 *   <li>{@link dev.kademlia.transport.udp.UdpTransport} is the transport itself: one socket, one receive
 *       thread, thread-safe sends that never block, datagrams over the size limit dropped and counted.</li>
 *   <li>{@link dev.kademlia.transport.udp.UdpTransportStats} is a snapshot of its counters.</li>
 * </ul>
 *
 * <p>The transport knows nothing of the wire format: the node's codec turns messages into byte arrays and
 * back, so the same codec runs over this transport and over the simulated network of the test kit.
 */
package dev.kademlia.transport.udp;
