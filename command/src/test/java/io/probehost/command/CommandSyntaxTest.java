package io.probehost.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class CommandSyntaxTest {
    private static final String READ = "mem:read32 " + CommandSyntax.PROBE + " ADDR [COUNT]";
    private final CommandSyntax read = CommandSyntax.of(READ);

    @Test
    void splitsProbeFlagsSessionOptionsAndArguments() {
        CommandLine line = read.parse("-u", "9900", "-O", "frequency=4000000", "0x20000000", "--option",
                "cmsis_dap.limit_packets=true", "-W", "4");
        assertEquals(Optional.of("9900"), line.uid());
        assertTrue(line.noWait());
        assertEquals(Map.of("frequency", "4000000", "cmsis_dap.limit_packets", "true"), line.sessionOptions());
        assertEquals(List.of("0x20000000", "4"), line.arguments());
    }

    @Test
    void acceptsLongNamesAndInlineValues() {
        CommandLine line = read.parse("--probe=lab", "--no-wait", "0x0");
        assertEquals(Optional.of("lab"), line.uid());
        assertTrue(line.noWait());
        assertTrue(read.parse("--uid", "x", "0").uid().isPresent());
    }

    @Test
    void answersAnUnknownOptionWithTheUsage() {
        CommandFailure failure = assertThrows(CommandFailure.class, () -> read.parse("-x", "0"));
        assertEquals("unknown option '-x'; usage: " + READ, failure.getMessage());
        assertEquals("Error: unknown option '-x'; usage: " + READ, failure.toString());
    }

    @Test
    void answersMissingAndExtraArgumentsWithTheUsage() {
        assertEquals("missing ADDR; usage: " + READ,
                assertThrows(CommandFailure.class, () -> read.parse("-W")).getMessage());
        assertEquals("unexpected argument '3'; usage: " + READ,
                assertThrows(CommandFailure.class, () -> read.parse("1", "2", "3")).getMessage());
        assertEquals("option -u needs a value (UID); usage: " + READ,
                assertThrows(CommandFailure.class, () -> read.parse("0", "-u")).getMessage());
        assertEquals("-O takes name=value, not 'frequency'; usage: " + READ,
                assertThrows(CommandFailure.class, () -> read.parse("-O", "frequency", "0")).getMessage());
    }

    @Test
    void takesNegativeNumbersAsArguments() {
        CommandSyntax write = CommandSyntax.of("mem:write8 " + CommandSyntax.PROBE + " ADDR VALUE...");
        assertEquals(List.of("0", "-1", "-0x2", "3"), write.parse("0", "-1", "-0x2", "3").arguments());
    }

    @Test
    void readsFlagsAndOptionsWithAliases() {
        CommandSyntax program = CommandSyntax.of("flash:program [-t TARGET] [-b|--base ADDR] [--no-verify] "
                + "[--format bin|hex|elf|uf2] " + CommandSyntax.PROBE + " FILE");
        CommandLine line = program.parse("--target", "nrf51", "--base", "0x100", "--no-verify", "--format=bin", "f");
        assertEquals(Optional.of("nrf51"), line.target());
        assertEquals(Optional.of("0x100"), line.option("-b"));
        assertEquals(Optional.of("0x100"), line.option("--base"));
        assertTrue(line.flag("--no-verify"));
        assertEquals(Optional.of("bin"), line.option("--format"));
        assertFalse(program.parse("f").flag("--no-verify"));
    }

    @Test
    void runReturnsTheUsageForHelpAndTurnsFailuresIntoOneLine() {
        assertEquals("usage: " + READ, read.run(new String[] {"--help"}, line -> "ran"));
        assertEquals("ran", read.run(new String[] {"0"}, line -> "ran"));
        CommandFailure failure = assertThrows(CommandFailure.class, () -> read.run(new String[] {"0"}, line -> {
            throw new IllegalStateException("first line\nsecond line");
        }));
        assertEquals("Error: first line", failure.toString());
        assertTrue(failure.getCause() instanceof IllegalStateException);
    }

    @Test
    void alternativesTakeAnExplicitArgumentCount() {
        CommandSyntax erase = CommandSyntax.of("flash:erase [-c|--chip] | ADDR [LEN]").arguments(0, 2);
        assertTrue(erase.parse("--chip").flag("-c"));
        assertEquals(List.of("0x0", "4"), erase.parse("0x0", "4").arguments());
        assertEquals("flash:erase", erase.name());
    }
}
