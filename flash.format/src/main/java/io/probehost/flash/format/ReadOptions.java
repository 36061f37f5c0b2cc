package io.probehost.flash.format;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * How to read a firmware file.
 *
 * @param format      force a format; empty = detect by content, then by extension
 * @param baseAddress where a raw BIN file starts (required for BIN)
 * @param uf2FamilyId keep only UF2 blocks of this family (blocks without a family ID are kept too);
 *                    empty = accept a file holding a single family only
 */
public record ReadOptions(Optional<ImageFormat> format, OptionalLong baseAddress, OptionalLong uf2FamilyId) {

    public static ReadOptions defaults() {
        return new ReadOptions(Optional.empty(), OptionalLong.empty(), OptionalLong.empty());
    }

    public ReadOptions withFormat(ImageFormat value) {
        return new ReadOptions(Optional.of(value), baseAddress, uf2FamilyId);
    }

    public ReadOptions withBaseAddress(long value) {
        return new ReadOptions(format, OptionalLong.of(value), uf2FamilyId);
    }

    public ReadOptions withUf2FamilyId(long value) {
        return new ReadOptions(format, baseAddress, OptionalLong.of(value));
    }
}
