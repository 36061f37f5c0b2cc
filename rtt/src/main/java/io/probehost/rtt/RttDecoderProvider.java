package io.probehost.rtt;

import java.nio.file.Path;
import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A whiteboard service that knows an encoding of RTT streams (defmt, for one): given the firmware's
 * ELF it offers a decoder when the ELF says the firmware logs that way. Commands that stream RTT
 * ({@code rtt:attach}, {@code run}) ask every provider and fall back to {@link RttStreamDecoders#text()}.
 */
@ConsumerType
public interface RttDecoderProvider {
    /** A short name for messages and {@code --decoder}, such as {@code defmt}. */
    String name();

    /**
     * A fresh decoder for the up channels of firmware built as {@code elf}, or empty when the ELF
     * does not use this encoding.
     *
     * @throws RttException when the ELF uses this encoding but its metadata cannot be read
     */
    Optional<RttStreamDecoder> decoderFor(Path elf);
}
