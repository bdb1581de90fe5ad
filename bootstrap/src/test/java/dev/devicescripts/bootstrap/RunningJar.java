package dev.devicescripts.bootstrap;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The packaged jar run as a user runs it: {@code java -jar bootstrap/target/devicescripts.jar ...}. */
final class RunningJar implements AutoCloseable {
    private static final Pattern SERVING = Pattern.compile("serving on http://\\S+:(\\d+)/beta");
    private static final long PATIENCE_SECONDS = 120;

    private final Process process;
    private final List<String> output = new ArrayList<>();
    private final Thread reader;
    /** Whether the process's output has ended, so that no line is still to come. */
    private boolean ended;

    private RunningJar(Process process) {
        this.process = process;
        this.reader = new Thread(this::readOutput, "jar-output");
        reader.setDaemon(true);
        reader.start();
    }

    static RunningJar start(String... args) {
        return start(Map.of(), args);
    }

    /** Starts the jar with these variables added to the environment it inherits. */
    static RunningJar start(Map<String, String> environment, String... args) {
        return start(List.of(), null, environment, args);
    }

    /**
     * Starts the jar in a JVM given {@code jvmOptions} (such as -Xmx256m), with these variables added to the
     * environment it inherits; under {@code umask} (such as 022) when one is given, set by sh, which then execs the
     * JVM so that the process is still java itself.
     */
    static RunningJar start(List<String> jvmOptions, String umask, Map<String, String> environment, String... args) {
        List<String> command = new ArrayList<>();
        if (umask != null) {
            command.addAll(List.of("sh", "-c", "umask " + umask + " && exec \"$@\"", "sh"));
        }
        command.add(javaExecutable());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        try {
            return new RunningJar(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The port from the line the server logs once it serves; fails if the process ends first. */
    int awaitPort() throws InterruptedException {
        Matcher serving = SERVING.matcher(awaitLine(SERVING));
        serving.find();
        return Integer.parseInt(serving.group(1));
    }

    /** The first line printed that {@code pattern} finds, once printed; fails if the process ends without one. */
    synchronized String awaitLine(Pattern pattern) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PATIENCE_SECONDS);
        while (true) {
            Optional<String> line = output.stream().filter(printed -> pattern.matcher(printed).find()).findFirst();
            if (line.isPresent()) {
                return line.get();
            }
            long left = deadline - System.nanoTime();
            if (ended || left <= 0) {
                throw new AssertionError("The jar printed no line like '" + pattern + "'; it printed: " + output());
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    /** Waits for the process to end by itself and returns its exit status, once all it printed has been read. */
    int awaitExit() throws InterruptedException {
        if (!process.waitFor(PATIENCE_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("The jar did not exit; it printed: " + output());
        }
        reader.join(TimeUnit.SECONDS.toMillis(PATIENCE_SECONDS));
        return process.exitValue();
    }

    /**
     * Sends SIGTERM, as a service manager does, and returns the exit status, once all the jar printed until it exited
     * has been read. The signal goes through the process handle: Process.destroy also closes the output pipe, which
     * would lose what the jar prints on its way out (the stop lines, access-log lines still queued).
     */
    int terminate() throws InterruptedException {
        process.toHandle().destroy();
        return awaitExit();
    }

    /**
     * Sends SIGKILL, as a crash or the OOM killer does, and returns the exit status. The jar runs in the very process
     * this started (java itself, no wrapper), so the signal reaches the JVM that holds the database file.
     */
    int kill() throws InterruptedException {
        process.toHandle().destroyForcibly(); // keeps the pipe open, as terminate does, for what is still in it
        return awaitExit();
    }

    /** The JVM's own process, to check it is java with no child that could outlive it. */
    ProcessHandle handle() {
        return process.toHandle();
    }

    synchronized String output() {
        return String.join(System.lineSeparator(), output);
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }

    private void readOutput() {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                synchronized (this) {
                    output.add(line);
                    notifyAll();
                }
            }
        } catch (IOException e) {
            // the process ended; what it printed is kept
        }
        synchronized (this) {
            ended = true;
            notifyAll();
        }
    }

    private static Path jar() {
        return Path.of(System.getProperty("devicescripts.jar", "target/devicescripts.jar"));
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
