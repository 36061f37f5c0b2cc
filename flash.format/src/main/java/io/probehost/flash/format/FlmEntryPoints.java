package io.probehost.flash.format;

/**
 * Function offsets in an FLM image, relative to the image start, Thumb bit included; 0 means absent.
 *
 * @param init        Init(adr, clk, fnc), mandatory
 * @param unInit      UnInit(fnc), mandatory
 * @param eraseChip   EraseChip(), optional
 * @param eraseSector EraseSector(adr), mandatory
 * @param programPage ProgramPage(adr, sz, buf), mandatory
 * @param verify      Verify(adr, sz, buf), optional
 * @param blankCheck  BlankCheck(adr, sz, pat), optional
 */
public record FlmEntryPoints(long init, long unInit, long eraseChip, long eraseSector, long programPage, long verify,
        long blankCheck) {
}
