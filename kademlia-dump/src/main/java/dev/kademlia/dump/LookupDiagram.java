package dev.kademlia.dump;

import dev.kademlia.api.Key;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The PlantUML sequence diagram of a {@link LookupDump}. The origin is on the left, then one participant
 * per contact queried, from the farthest from the target to the nearest, and the target on the right: the
 * lookup's requests travel rightwards as it converges. Requests and answers come in time order, labelled
 * with the time since the start; each hop has its colour, failures are red, a value found is green. A note
 * at the bottom lists the closest contacts found with their distances.
 */
final class LookupDiagram {

    private final LookupDump dump;
    private final StringBuilder out = new StringBuilder();
    private final Map<String, String> alias = new HashMap<>();
    private final Map<String, Integer> hops = new HashMap<>();
    private String rightmost = "o";

    LookupDiagram(LookupDump dump) {
        this.dump = dump;
    }

    String text() {
        Theme.preamble(out, false);
        out.append("hide footbox\n")
                .append("skinparam sequenceMessageAlign left\n")
                .append("skinparam responseMessageBelowArrow true\n")
                .append("skinparam ParticipantBackgroundColor ").append(Theme.FILL).append('\n')
                .append("skinparam ParticipantBorderColor ").append(Theme.ACCENT).append('\n')
                .append("skinparam SequenceLifeLineBorderColor #9DB3D1\n");
        title();
        participants();
        String rpc = dump.findValue() ? "FIND_VALUE" : "FIND_NODE";
        for (LookupDump.Event event : dump.events()) {
            String peer = alias.get(event.peer());
            String at = "+" + (event.atMillis() - dump.startedAtMillis()) + " ms  ";
            if (event instanceof LookupDump.Queried) {
                int hop = ((LookupDump.Queried) event).hop();
                hops.put(event.peer(), hop);
                out.append("o -[").append(Theme.hop(hop)).append("]> ").append(peer).append(" : ").append(at)
                        .append(rpc).append("  hop ").append(hop).append('\n');
            } else if (event instanceof LookupDump.Answered) {
                LookupDump.Answered answered = (LookupDump.Answered) event;
                if (answered.withValue()) {
                    out.append(peer).append(" -[").append(Theme.GOOD).append("]-> o : ").append(at)
                            .append("<b>").append(Theme.color(Theme.GOOD, "value")).append("</b>\n");
                } else {
                    out.append(peer).append(" -[").append(Theme.hop(hops.getOrDefault(event.peer(), 1)))
                            .append(",dashed]-> o : ").append(at)
                            .append(Labels.count(answered.contacts(), "contact")).append('\n');
                }
            } else if (event instanceof LookupDump.TimedOut) {
                out.append("hnote over ").append(peer).append(" #FFF4E5 : ").append(at)
                        .append(Theme.color(Theme.BAD, "timed out")).append('\n');
            } else {
                out.append(peer).append(" -[").append(Theme.BAD).append("]->x o : ").append(at)
                        .append(Theme.color(Theme.BAD, "no answer")).append('\n');
            }
        }
        unanswered();
        closest();
        out.append("@enduml\n");
        return out.toString();
    }

    private void title() {
        LookupDump.Stats stats = dump.stats();
        out.append("title ").append(dump.findValue() ? "Value" : "Node").append(" lookup of ")
                .append(Hex.shorten(dump.target())).append(" from ").append(Hex.shorten(dump.origin().id()))
                .append("\\n").append(Labels.count(stats.rpcs(), "RPC")).append(", ")
                .append(Labels.count(stats.responses(), "answer")).append(", ")
                .append(Labels.count(stats.timeouts(), "timeout")).append(", ")
                .append(Labels.count(stats.hops(), "hop")).append(", ")
                .append(stats.elapsedMillis()).append(" ms\n");
    }

    private void participants() {
        Peer origin = dump.origin();
        String originDistance = Hex.distance(origin.key(), Key.fromHex(dump.target()));
        out.append("participant \"<b>origin</b>\\n").append(Hex.shorten(origin.id())).append("\\n")
                .append(Labels.address(origin.host(), origin.port())).append("\\nd=")
                .append(Hex.shorten(originDistance)).append("\" as o\n");
        List<LookupDump.Query> queried = new ArrayList<>();
        dump.rounds().forEach(round -> queried.addAll(round.queried()));
        queried.sort(Comparator.comparing(LookupDump.Query::distance).reversed());
        boolean targetIsQueried = false;
        for (LookupDump.Query query : queried) {
            String name = "p" + (alias.size() + 1);
            alias.put(query.id(), name);
            boolean isTarget = query.id().equals(dump.target());
            targetIsQueried |= isTarget;
            out.append("participant \"").append(isTarget ? "<b>target</b>\\n" : "")
                    .append(Hex.shorten(query.id())).append("\\n").append(Labels.address(query.host(), query.port()))
                    .append("\\nd=").append(Hex.shorten(query.distance())).append("\" as ").append(name)
                    .append(isTarget ? " " + Theme.TARGET : "").append('\n');
            rightmost = name;
        }
        if (!targetIsQueried) {
            out.append("participant \"<b>target</b>\\n").append(Hex.shorten(dump.target()))
                    .append("\" as target ").append(Theme.TARGET).append('\n');
            rightmost = "target";
        }
    }

    /**
     * Marks, side by side on one row, every contact still silent when the lookup finished: timed out, or
     * simply not waited for once the lookup had its answer.
     */
    private void unanswered() {
        String end = "+" + dump.stats().elapsedMillis() + " ms";
        boolean first = true;
        for (LookupDump.Round round : dump.rounds()) {
            for (LookupDump.Query query : round.queried()) {
                if (query.outcome() == LookupDump.Outcome.NO_ANSWER) {
                    out.append(first ? "" : "/ ").append("hnote over ").append(alias.get(query.id())).append(" #F2F4F7 : ")
                            .append(Theme.color(Theme.MUTED, "no answer\\nby " + end)).append('\n');
                    first = false;
                }
            }
        }
    }

    private void closest() {
        out.append("note over o, ").append(rightmost).append('\n')
                .append("<b>").append(Labels.count(dump.closest().size(), "closest contact")).append(" found</b>");
        if (dump.closest().isEmpty()) {
            out.append("\nnone: no contact answered\n");
        } else {
            out.append('\n').append(Theme.head("#")).append(Theme.head("id")).append(Theme.head("distance to target"))
                    .append(Theme.head("address")).append("|\n");
            int rank = 1;
            for (LookupDump.Found found : dump.closest()) {
                out.append("| ").append(rank++).append(" | ").append(Hex.shorten(found.id())).append(" | ")
                        .append(Hex.shorten(found.distance())).append(" | ")
                        .append(Labels.address(found.host(), found.port())).append(" |\n");
            }
        }
        out.append("end note\n");
    }
}
