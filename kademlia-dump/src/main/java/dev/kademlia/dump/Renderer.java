package dev.kademlia.dump;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import net.sourceforge.plantuml.BlockUml;
import net.sourceforge.plantuml.ErrorUml;
import net.sourceforge.plantuml.FileFormat;
import net.sourceforge.plantuml.FileFormatOption;
import net.sourceforge.plantuml.SourceStringReader;
import net.sourceforge.plantuml.core.Diagram;
import net.sourceforge.plantuml.error.PSystemError;

/**
 * Renders PlantUML text to SVG or PNG in this process, with the PlantUML library's own layout engines: no
 * Graphviz install, no external process. The diagrams of {@link PlantUml} ask for the pure-Java
 * {@code smetana} layout where they need a graph layout.
 *
 * <p>PlantUML draws a syntax error as a picture of the error instead of failing; this class checks for one
 * first and throws, so a broken diagram never passes for a rendered one.
 *
 * <pre>{@code
 * byte[] png = Renderer.png(PlantUml.node(NodeDump.capture(node).join()));
 * }</pre>
 */
public final class Renderer {

    private Renderer() {
    }

    /**
     * Renders the first diagram of {@code plantUml} as SVG.
     *
     * @param plantUml PlantUML text with one {@code @startuml ... @enduml} block
     * @return the SVG document, UTF-8
     * @throws IllegalArgumentException if the text has no diagram or a syntax error (the message gives
     *                                  the line and PlantUML's complaint)
     */
    public static byte[] svg(String plantUml) {
        return render(plantUml, FileFormat.SVG);
    }

    /**
     * Renders the first diagram of {@code plantUml} as PNG.
     *
     * @param plantUml PlantUML text with one {@code @startuml ... @enduml} block
     * @return the PNG image
     * @throws IllegalArgumentException if the text has no diagram or a syntax error (the message gives
     *                                  the line and PlantUML's complaint)
     */
    public static byte[] png(String plantUml) {
        return render(plantUml, FileFormat.PNG);
    }

    /**
     * Parses PlantUML text and checks that its first diagram has no syntax error, without drawing it.
     *
     * @param plantUml PlantUML text
     * @return a one-line description of the diagram from PlantUML, such as {@code (5 participants)}
     * @throws IllegalArgumentException if the text has no diagram or a syntax error
     */
    public static String check(String plantUml) {
        return parse(plantUml).getDescription().getDescription();
    }

    private static byte[] render(String plantUml, FileFormat format) {
        Diagram diagram = parse(plantUml);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            diagram.exportDiagram(out, 0, new FileFormatOption(format, false));
        } catch (IOException e) {
            throw new UncheckedIOException("PlantUML could not render the diagram as " + format, e);
        }
        return out.toByteArray();
    }

    private static Diagram parse(String plantUml) {
        Objects.requireNonNull(plantUml, "plantUml");
        List<BlockUml> blocks = new SourceStringReader(plantUml).getBlocks();
        if (blocks.isEmpty()) {
            throw new IllegalArgumentException("no PlantUML diagram: the text has no @startuml ... @enduml block");
        }
        Diagram diagram = blocks.get(0).getDiagram();
        if (diagram instanceof PSystemError) {
            PSystemError error = (PSystemError) diagram;
            ErrorUml first = error.getFirstError();
            int line = error.getLineLocation() == null ? -1 : error.getLineLocation().getPosition() + 1;
            String lineText = line > 0 && line <= plantUml.lines().count()
                    ? ": " + plantUml.lines().skip(line - 1).findFirst().orElse("").strip()
                    : "";
            throw new IllegalArgumentException("PlantUML syntax error at line " + line + lineText + " ("
                    + (first == null ? "no detail" : first.getError()) + ")");
        }
        return diagram;
    }
}
