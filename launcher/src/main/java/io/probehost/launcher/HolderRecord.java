package io.probehost.launcher;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.probehost.launcher.CacheLease.Holder;

/**
 * Who holds a framework cache, as its holder writes it in the lock file: one line, the process id
 * and {@code shell} or {@code command} ("4711 shell"). The holder empties it before letting the
 * lock go; a record left by a process that died is recognised by its process being gone.
 */
record HolderRecord(long pid, Holder holder) {
    private static final Pattern LINE = Pattern.compile("(\\d{1,18}) (shell|command)\\s*");

    static HolderRecord current(Holder holder) {
        return new HolderRecord(ProcessHandle.current().pid(), holder);
    }

    /** The record in a lock file, if there is a well-formed one whose process still runs. */
    static Optional<HolderRecord> read(Path lockFile) {
        String text;
        try {
            text = Files.readString(lockFile, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            // Where locks keep others from reading (Windows), there is no hint: the caller waits.
            return Optional.empty();
        }
        return parse(text).filter(record -> ProcessHandle.of(record.pid()).map(ProcessHandle::isAlive).orElse(false));
    }

    static Optional<HolderRecord> parse(String text) {
        Matcher line = LINE.matcher(text);
        if (!line.matches()) {
            return Optional.empty();
        }
        return Optional.of(new HolderRecord(Long.parseLong(line.group(1)),
                Holder.valueOf(line.group(2).toUpperCase(Locale.ROOT))));
    }

    /** Replaces the content of the (locked) lock file with this record. */
    void writeTo(FileChannel lockFile) throws IOException {
        lockFile.truncate(0);
        lockFile.write(ByteBuffer.wrap(line().getBytes(StandardCharsets.US_ASCII)), 0);
    }

    /** Empties the (still locked) lock file. */
    static void clear(FileChannel lockFile) throws IOException {
        lockFile.truncate(0);
    }

    String line() {
        return pid + " " + holder.name().toLowerCase(Locale.ROOT) + "\n";
    }
}
