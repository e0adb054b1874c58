package dev.kademlia.dump;

/** The look every diagram shares: a monospaced font, a calm blue palette, no shadows. */
final class Theme {

    /** Fill of boxes. */
    static final String FILL = "#F4F8FC";
    /** Border of boxes and the main accent. */
    static final String ACCENT = "#4A6FA5";
    /** Fill of table header cells. */
    static final String HEADER = "#DCE8F5";
    /** Text of secondary rows (replacement caches, contacts not dumped). */
    static final String MUTED = "#8A96A8";
    /** Failures and timeouts. */
    static final String BAD = "#C0392B";
    /** Values found. */
    static final String GOOD = "#1E8449";
    /** The lookup target. */
    static final String TARGET = "#FFF3C4";

    /** One colour per hop, cycled: hop 1 is the first. */
    private static final String[] HOPS = {"#2E5E9E", "#7D3C98", "#B9770E", "#117A65", "#A93226", "#5D6D7E"};

    /** Fills for nodes by the top two bits of their id: the four quarters of the id space. */
    private static final String[] QUARTERS = {"#E3EEFA", "#E6F4EA", "#FDF2E1", "#F3E8F7"};

    /** Link colours by shared prefix length 0, 1, 2 and 3 or more: nearer nodes, darker links. */
    private static final String[] PREFIX = {"#C3CCD8", "#8FA3BF", "#4A6FA5", "#1F3B63"};

    private Theme() {
    }

    /** The PlantUML preamble: {@code @startuml}, the layout pragma if asked, the skin parameters. */
    static void preamble(StringBuilder out, boolean graphLayout) {
        out.append("@startuml\n");
        if (graphLayout) {
            out.append("!pragma layout smetana\n")
                    .append("skinparam ranksep 30\n")
                    .append("skinparam nodesep 30\n");
        }
        out.append("skinparam defaultFontName Monospaced\n")
                .append("skinparam defaultFontSize 12\n")
                .append("skinparam shadowing false\n")
                .append("skinparam roundCorner 8\n")
                .append("skinparam titleFontSize 14\n")
                .append("skinparam rectangleBackgroundColor ").append(FILL).append('\n')
                .append("skinparam rectangleBorderColor ").append(ACCENT).append('\n')
                .append("skinparam noteBackgroundColor #FFFFFF\n")
                .append("skinparam noteBorderColor ").append(ACCENT).append('\n')
                .append("skinparam legendBackgroundColor #FFFFFF\n")
                .append("skinparam legendBorderColor ").append(MUTED).append('\n');
    }

    static String hop(int hop) {
        return HOPS[(hop - 1) % HOPS.length];
    }

    static String quarter(String id) {
        return QUARTERS[Character.digit(id.charAt(0), 16) >> 2];
    }

    static String prefix(int sharedPrefix) {
        return PREFIX[Math.min(sharedPrefix, PREFIX.length - 1)];
    }

    /** A header cell of a Creole table. */
    static String head(String text) {
        return "|<" + HEADER + "> <b>" + text + "</b> ";
    }

    /** Text in a colour. */
    static String color(String color, String text) {
        return "<color:" + color + ">" + text + "</color>";
    }
}
