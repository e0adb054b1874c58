/**
 * State dumps: what a Kademlia node knows, what a lookup did, and how a network is wired, for learning and
 * for debugging.
 *
 * <p>A tour:
 * <ul>
 *   <li>{@link dev.kademlia.dump.NodeDump#capture NodeDump.capture(node)} reads a node's routing table,
 *       stored keys and counters on its event loop; {@link dev.kademlia.dump.LookupDump#trace
 *       LookupDump.trace(node, key, findValue)} runs a lookup and records every request and answer;
 *       {@link dev.kademlia.dump.NetworkDump#of NetworkDump.of(nodeDumps)} turns node dumps into a graph.</li>
 *   <li>{@link dev.kademlia.dump.JsonDumps} writes them as JSON with a stable shape and a {@code "format"}
 *       version, and reads them back.</li>
 *   <li>{@link dev.kademlia.dump.PlantUml} and {@link dev.kademlia.dump.Dot} turn them into diagram text;
 *       {@link dev.kademlia.dump.Renderer} draws PlantUML as SVG or PNG in-process.</li>
 *   <li>{@link dev.kademlia.dump.DumpFiles} writes all of these at once.</li>
 * </ul>
 *
 * <p>Ids and distances are 64 fixed-width hex digits in JSON; pictures show the first 16.
 */
package dev.kademlia.dump;
