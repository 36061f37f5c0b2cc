package io.probehost.core.internal.option;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.probehost.api.ProbeException;
import io.probehost.api.option.OptionDescriptor;
import io.probehost.api.option.OptionProvider;

class OptionRegistryTest {
    static final OptionDescriptor<Boolean> LIMIT =
            OptionDescriptor.of("cmsis_dap.limit_packets", Boolean.class, false, "one packet in flight");
    static final OptionDescriptor<Long> FREQUENCY =
            OptionDescriptor.of("frequency", Long.class, 1_000_000L, "SWD clock in Hz");

    @TempDir
    Path folder;

    private final OptionProvider provider = () -> List.of(LIMIT, FREQUENCY);

    @Test
    void commandLineBeatsProbeSectionBeatsFileBeatsDefault() throws Exception {
        Path file = Files.writeString(folder.resolve("probehost.yaml"), String.join("\n",
                "frequency: 4M",
                "cmsis_dap.limit_packets: false",
                "probes:",
                "  '9900':",
                "    cmsis_dap.limit_packets: true",
                "    frequency: 2000000"));
        var registry = registry(file, provider);

        var defaults = registry.resolve(Map.of(), null);
        assertEquals(4_000_000L, defaults.get(FREQUENCY));
        assertEquals(false, defaults.get(LIMIT));

        var forProbe = registry.resolve(Map.of(), "9900ABCDEF");
        assertEquals(true, forProbe.get(LIMIT));
        assertEquals(2_000_000L, forProbe.get(FREQUENCY));

        var fromCommandLine = registry.resolve(Map.of("frequency", "0x100"), "9900ABCDEF");
        assertEquals(256L, fromCommandLine.get(FREQUENCY));
    }

    @Test
    void noFileGivesDefaults() {
        var registry = registry(folder.resolve("absent.yaml"), provider);
        assertEquals(1_000_000L, registry.resolve(Map.of(), null).get(FREQUENCY));
    }

    @Test
    void unknownOptionOnTheCommandLineIsAnError() {
        var registry = registry(folder.resolve("absent.yaml"), provider);
        var error = assertThrows(IllegalArgumentException.class,
                () -> registry.resolve(Map.of("no.such", "1"), null));
        assertEquals("unknown option 'no.such' (option:list shows them all)", error.getMessage());
    }

    @Test
    void illTypedValueNamesTheOptionAndItsSource() throws Exception {
        Path file = Files.writeString(folder.resolve("probehost.yaml"), "cmsis_dap.limit_packets: maybe\n");
        var registry = registry(file, provider);
        var error = assertThrows(ProbeException.class, () -> registry.resolve(Map.of(), null));
        assertEquals(file + ": option cmsis_dap.limit_packets takes a bool value, not 'maybe'", error.getMessage());
        var fromLine = assertThrows(ProbeException.class, 
                () -> registry(folder.resolve("absent.yaml"), provider).resolve(Map.of("frequency", "fast"), null));
        assertEquals("the command line: option frequency takes a long value, not 'fast'", fromLine.getMessage());
    }

    @Test
    void brokenYamlIsOneClearLine() throws Exception {
        Path file = Files.writeString(folder.resolve("probehost.yaml"), "frequency: [1, 2\n");
        var error = assertThrows(ProbeException.class,
                () -> registry(file, provider).resolve(Map.of(), null));
        assertTrue(error.getMessage().startsWith(file + ": not valid YAML"), error.getMessage());
        assertTrue(!error.getMessage().contains("\n"));
    }

    @Test
    void optionsOfAnUndeclaredOwnerInTheFileAreLeftAlone() throws Exception {
        Path file = Files.writeString(folder.resolve("probehost.yaml"), "stlink.mode: fast\nfrequency: 8000000\n");
        var options = registry(file, provider).resolve(Map.of(), null);
        assertEquals(8_000_000L, options.get(FREQUENCY));
    }

    private static OptionRegistryImpl registry(Path file, OptionProvider provider) {
        OptionRegistryImpl registry = new OptionRegistryImpl(file);
        registry.addProvider(provider);
        return registry;
    }
}
