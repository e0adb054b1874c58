package dev.kademlia.dump;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Writes a dump in every form at once: {@code NAME.json}, {@code NAME.puml}, {@code NAME.svg},
 * {@code NAME.png}, and for a network also {@code NAME.dot}. One call gives a user the data and the
 * pictures.
 *
 * <pre>{@code
 * DumpFiles.write(Path.of("dumps"), "node-0", NodeDump.capture(node).join());
 * }</pre>
 */
public final class DumpFiles {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private DumpFiles() {
    }

    /**
     * Writes {@code dump} into {@code directory} (created if missing) under {@code name}, replacing files
     * of the same names.
     *
     * @param directory where to write
     * @param name      the file name without extension: letters, digits, {@code .}, {@code _} and
     *                  {@code -}, starting with a letter or digit
     * @param dump      the dump
     * @return the files written, in the order above
     * @throws IllegalArgumentException if {@code name} is not a plain file name
     * @throws IOException              if a file cannot be written
     */
    public static List<Path> write(Path directory, String name, Dump dump) throws IOException {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dump, "dump");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a dump name is letters, digits, '.', '_' and '-', starting with a"
                    + " letter or digit; got '" + name + "'");
        }
        Files.createDirectories(directory);
        String plantUml = PlantUml.of(dump);
        List<Path> written = new ArrayList<>();
        written.add(Files.writeString(directory.resolve(name + ".json"), JsonDumps.write(dump), StandardCharsets.UTF_8));
        written.add(Files.writeString(directory.resolve(name + ".puml"), plantUml, StandardCharsets.UTF_8));
        written.add(Files.write(directory.resolve(name + ".svg"), Renderer.svg(plantUml)));
        written.add(Files.write(directory.resolve(name + ".png"), Renderer.png(plantUml)));
        if (dump instanceof NetworkDump) {
            written.add(Files.writeString(directory.resolve(name + ".dot"), Dot.network((NetworkDump) dump),
                    StandardCharsets.UTF_8));
        }
        return written;
    }
}
