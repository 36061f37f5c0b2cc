package io.probehost.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.probehost.launcher.CacheLease.Holder;

class HolderRecordTest {
    @TempDir
    Path folder;

    @Test
    void aRecordWrittenByThisProcessIsReadBack() throws IOException {
        Path lockFile = folder.resolve("cache.lock");
        Files.writeString(lockFile, "a longer text left from before\n");
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            HolderRecord.current(Holder.SHELL).writeTo(channel);
        }
        long pid = ProcessHandle.current().pid();
        assertEquals(pid + " shell\n", Files.readString(lockFile));
        assertEquals(Optional.of(new HolderRecord(pid, Holder.SHELL)), HolderRecord.read(lockFile));
    }

    @Test
    void aRecordOfAProcessThatIsGoneIsNoHint() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path lockFile = Files.writeString(folder.resolve("cache.lock"), gone.pid() + " shell\n");
        assertEquals(Optional.empty(), HolderRecord.read(lockFile));
    }

    @Test
    void emptyOrForeignContentIsNoHint() throws IOException {
        assertEquals(Optional.empty(), HolderRecord.read(Files.writeString(folder.resolve("empty.lock"), "")));
        assertEquals(Optional.empty(), HolderRecord.parse("12 daemon\n"));
        assertEquals(Optional.empty(), HolderRecord.parse("shell 12\n"));
        assertEquals(Optional.of(new HolderRecord(12, Holder.COMMAND)), HolderRecord.parse("12 command\n"));
        assertEquals(Optional.empty(), HolderRecord.read(folder.resolve("missing.lock")));
    }

    @Test
    void clearingEmptiesTheFile() throws IOException {
        Path lockFile = Files.writeString(folder.resolve("cache.lock"), "12 command\n");
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            HolderRecord.clear(channel);
        }
        assertEquals("", Files.readString(lockFile));
    }
}
