package dev.kademlia.dump;

import java.util.List;
import java.util.Locale;

/**
 * The PlantUML picture of a {@link NodeDump}: the node and its counters on top, the stored keys on its
 * right, and below the routing table, one table per non-empty k-bucket (contacts, then the replacement cache
 * greyed; contacts with failed RPCs in red). Ages and expiry times are relative to when the dump was taken.
 */
final class NodeDiagram {

    private final NodeDump dump;
    private final long now;
    private final StringBuilder out = new StringBuilder();

    NodeDiagram(NodeDump dump) {
        this.dump = dump;
        this.now = dump.takenAtMillis();
    }

    String text() {
        Theme.preamble(out, true);
        Peer self = dump.self();
        out.append("title Node ").append(Hex.shorten(self.id())).append(" at ").append(Labels.address(self.host(),
                self.port())).append("\\n").append(Labels.count(dump.contactCount(), "contact")).append(" in ")
                .append(Labels.count(dump.buckets().size(), "bucket")).append(", ")
                .append(Labels.count(dump.storedKeys().size(), "stored key")).append(", taken at ")
                .append(Labels.instant(dump.takenAtMillis())).append('\n');
        out.append("rectangle self [\n")
                .append("<b>node</b>     ").append(self.id()).append('\n')
                .append("<b>address</b>  ").append(Labels.address(self.host(), self.port())).append("\n\n");
        counters();
        out.append("]\n");
        out.append("rectangle routing [\n<b>routing table</b>   bucket i holds the contacts at XOR distance")
                .append(" [2^i, 2^(i+1)) from the node\n");
        if (dump.buckets().isEmpty()) {
            out.append("no contacts\n");
        }
        for (NodeDump.Bucket bucket : dump.buckets()) {
            bucket(bucket);
        }
        out.append("]\n");
        storedKeys();
        out.append("self -[hidden]right- keys\n");
        out.append("self -[hidden]down- routing\n");
        out.append("@enduml\n");
        return out.toString();
    }

    private void bucket(NodeDump.Bucket bucket) {
        out.append("----\n")
                .append("<b>bucket ").append(bucket.index()).append("</b>   ")
                .append(Labels.count(bucket.contacts().size(), "contact")).append(", ")
                .append(Labels.count(bucket.replacements().size(), "replacement")).append('\n');
        table(bucket.contacts(), false);
        if (!bucket.replacements().isEmpty()) {
            out.append(Theme.color(Theme.MUTED, "<i>replacement cache</i>")).append('\n');
            table(bucket.replacements(), true);
        }
    }

    private void table(List<NodeDump.Entry> entries, boolean muted) {
        out.append(Theme.head("id")).append(Theme.head("distance")).append(Theme.head("address"))
                .append(Theme.head("last seen")).append(Theme.head("failed RPCs")).append("|\n");
        for (NodeDump.Entry entry : entries) {
            String color = muted ? Theme.MUTED : entry.failedRpcs() > 0 ? Theme.BAD : null;
            cell(color, Hex.shorten(entry.id()));
            cell(color, Hex.shorten(entry.distance()));
            cell(color, Labels.address(entry.host(), entry.port()));
            cell(color, Labels.ago(entry.lastSeenMillis(), now));
            cell(color, Integer.toString(entry.failedRpcs()));
            out.append("|\n");
        }
    }

    private void cell(String color, String text) {
        out.append("| ").append(color == null ? text : Theme.color(color, text)).append(' ');
    }

    private void storedKeys() {
        out.append("rectangle keys [\n<b>stored keys</b>   ")
                .append(Labels.count(dump.storedKeys().size(), "key")).append('\n');
        if (!dump.storedKeys().isEmpty()) {
            out.append(Theme.head("key")).append(Theme.head("distance")).append(Theme.head("bytes"))
                    .append(Theme.head("expires")).append(Theme.head("stored")).append(Theme.head("publisher"))
                    .append("|\n");
            for (NodeDump.StoredKey key : dump.storedKeys()) {
                cell(null, Hex.shorten(key.key()));
                cell(null, Hex.shorten(key.distance()));
                cell(null, Integer.toString(key.valueBytes()));
                cell(null, key.expiresAtMillis() == null ? "never" : Labels.in(key.expiresAtMillis(), now));
                cell(null, Labels.ago(key.republishedAtMillis(), now));
                cell(null, key.originalPublisher() ? "this node" : "");
                out.append("|\n");
            }
        }
        out.append("]\n");
    }

    private void counters() {
        NodeDump.Counters c = dump.counters();
        out.append(String.format(Locale.ROOT, "<b>%-11s %8s %9s</b>\n", "RPC", "sent", "received"));
        rpc("PING", c.sent().ping(), c.received().ping());
        rpc("STORE", c.sent().store(), c.received().store());
        rpc("FIND_NODE", c.sent().findNode(), c.received().findNode());
        rpc("FIND_VALUE", c.sent().findValue(), c.received().findValue());
        rpc("total", c.sent().total(), c.received().total());
        out.append('\n');
        counter("timeouts", c.timeouts(), true);
        counter("retransmissions", c.retransmissions(), false);
        counter("stores refused", c.storesRefused(), true);
        counter("dropped malformed", c.droppedMalformed(), true);
        counter("dropped unmatched", c.droppedUnmatched(), true);
    }

    private void rpc(String name, long sent, long received) {
        out.append(String.format(Locale.ROOT, "%-11s %8d %9d\n", name, sent, received));
    }

    private void counter(String name, long value, boolean badIfNonZero) {
        String text = String.format(Locale.ROOT, "%-20s %8d", name, value);
        out.append(badIfNonZero && value > 0 ? Theme.color(Theme.BAD, text) : text).append('\n');
    }
}
