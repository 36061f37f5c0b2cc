package io.probehost.rtt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class RttStreamDecodersTest {
    @Test
    void textKeepsAUtf8SequenceSplitAcrossReads() {
        byte[] bytes = "temp 21\u00b0C\n".getBytes(StandardCharsets.UTF_8);
        int split = 8; // inside the two bytes of the degree sign
        RttStreamDecoder text = RttStreamDecoders.text();
        String first = text.decode(bytes, 0, split);
        String second = text.decode(bytes, split, bytes.length - split);
        assertEquals("temp 21", first);
        assertEquals("\u00b0C\n", second);
        assertEquals("", text.finish());
    }

    @Test
    void anIncompleteSequenceAtTheEndIsReplacedNotLost() {
        RttStreamDecoder text = RttStreamDecoders.text();
        assertEquals("ok", text.decode(new byte[] {'o', 'k', (byte) 0xC2}, 0, 3));
        assertEquals("\uFFFD", text.finish());
    }

    @Test
    void theFirstProviderThatClaimsTheElfDecodes() {
        RttDecoderProvider declines = provider("none", Optional.empty());
        RttStreamDecoder upper = new RttStreamDecoder() {
            @Override
            public String decode(byte[] data, int offset, int length) {
                return new String(data, offset, length, StandardCharsets.US_ASCII).toUpperCase();
            }
        };
        RttDecoderProvider claims = provider("upper", Optional.of(upper));
        RttStreamDecoder chosen = RttStreamDecoders.choose(List.of(declines, claims), Optional.of(Path.of("fw.elf")));
        assertEquals("ABC", chosen.decode("abc".getBytes(StandardCharsets.US_ASCII), 0, 3));
        RttStreamDecoder withoutElf = RttStreamDecoders.choose(List.of(claims), Optional.empty());
        assertEquals("abc", withoutElf.decode("abc".getBytes(StandardCharsets.US_ASCII), 0, 3));
    }

    private static RttDecoderProvider provider(String name, Optional<RttStreamDecoder> decoder) {
        return new RttDecoderProvider() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Optional<RttStreamDecoder> decoderFor(Path elf) {
                return decoder;
            }
        };
    }
}
