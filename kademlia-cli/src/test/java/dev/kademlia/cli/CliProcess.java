package dev.kademlia.cli;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** The {@code kademlia} program run in a child JVM, as a user runs it, with its output lines collected. */
final class CliProcess implements AutoCloseable {

    private static final Path TARGET = Paths.get(System.getProperty("cli.target", "target"));

    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> all = new ArrayList<>();

    private CliProcess(Process process) {
        this.process = process;
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }, "cli-output");
        reader.setDaemon(true);
        reader.start();
    }

    static CliProcess start(String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(java(), "-cp", path(), KademliaCli.class.getName()));
        command.addAll(List.of(arguments));
        return new CliProcess(new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    /**
     * Runs the program on the module path, as {@code java -p ... -m dev.kademlia.cli/...}: reflection
     * (Jackson, picocli) and the modules PlantUML needs are then checked for real.
     */
    static CliProcess startOnModulePath(String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(java(), "-p", path(),
                "-m", "dev.kademlia.cli/" + KademliaCli.class.getName()));
        command.addAll(List.of(arguments));
        return new CliProcess(new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    private static String java() {
        return Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String path() throws IOException {
        return TARGET.resolve("classes") + File.pathSeparator
                + Files.readString(TARGET.resolve("runtime-path.txt"), StandardCharsets.UTF_8).trim();
    }

    /** Waits for the next output line that starts with {@code prefix}, skipping others. */
    String awaitLine(String prefix, long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (true) {
            long left = deadline - System.nanoTime();
            String line = left > 0 ? lines.poll(left, TimeUnit.NANOSECONDS) : null;
            if (line == null) {
                throw new AssertionError("no line starting with '" + prefix + "' within " + seconds + " s; output: " + all);
            }
            all.add(line);
            if (line.startsWith(prefix)) {
                return line;
            }
        }
    }

    /** Waits for the process to exit and returns its exit code; the output is then in {@link #output()}. */
    int awaitExit(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("process did not exit within " + seconds + " s; output: " + output());
        }
        return process.exitValue();
    }

    /** Every line printed so far, after the output stream has been drained. */
    String output() throws InterruptedException {
        Thread.sleep(50);
        lines.drainTo(all);
        return String.join("\n", all);
    }

    /** Sends SIGTERM (through the process handle: {@code Process.destroy()} would also close our end of its output). */
    void terminate() {
        process.toHandle().destroy();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
