package io.probehost.flash;

/**
 * What a flash operation did.
 *
 * @param sectorsErased    sectors erased one by one (a chip erase counts every sector of the region)
 * @param sectorsSkipped   sectors left alone because their content already matched
 * @param sectorsWritten   sectors programmed
 * @param bytesProgrammed  bytes handed to ProgramPage
 * @param bytesVerified    bytes read back and compared
 * @param chipErased       whether a chip erase was used
 */
public record FlashResult(int sectorsErased, int sectorsSkipped, int sectorsWritten, long bytesProgrammed,
        long bytesVerified, boolean chipErased) {

    public String summary() {
        return String.format("%s written, %d skipped (unchanged), %d erased%s, %d bytes programmed%s",
                sectors(sectorsWritten), sectorsSkipped, sectorsErased, chipErased ? " (chip erase)" : "",
                bytesProgrammed, bytesVerified > 0 ? ", " + bytesVerified + " bytes verified" : "");
    }

    private static String sectors(int count) {
        return count + (count == 1 ? " sector" : " sectors");
    }
}
