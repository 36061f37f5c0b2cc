package io.probehost.rtt;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Optional;

/** The plain-text decoder and the choice among {@link RttDecoderProvider}s. */
public final class RttStreamDecoders {
    private RttStreamDecoders() {
    }

    /** UTF-8 text, a sequence split across reads kept until it is whole; malformed bytes become U+FFFD. */
    public static RttStreamDecoder text() {
        return new Utf8Decoder();
    }

    /** The first provider's decoder for {@code elf}, or text when no provider claims it or there is no ELF. */
    public static RttStreamDecoder choose(Collection<RttDecoderProvider> providers, Optional<Path> elf) {
        if (elf.isPresent()) {
            for (RttDecoderProvider provider : providers) {
                Optional<RttStreamDecoder> decoder = provider.decoderFor(elf.get());
                if (decoder.isPresent()) {
                    return decoder.get();
                }
            }
        }
        return text();
    }

    private static final class Utf8Decoder implements RttStreamDecoder {
        private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        private ByteBuffer pending = ByteBuffer.allocate(0);

        @Override
        public String decode(byte[] data, int offset, int length) {
            if (length == 0) {
                return "";
            }
            ByteBuffer in = ByteBuffer.allocate(pending.remaining() + length);
            in.put(pending).put(data, offset, length).flip();
            CharBuffer out = CharBuffer.allocate(in.remaining() + 1);
            utf8.decode(in, out, false);
            pending = in.slice();
            return out.flip().toString();
        }

        @Override
        public String finish() {
            CharBuffer out = CharBuffer.allocate(pending.remaining() + 1);
            utf8.decode(pending, out, true);
            utf8.flush(out);
            utf8.reset();
            pending = ByteBuffer.allocate(0);
            return out.flip().toString();
        }
    }
}
