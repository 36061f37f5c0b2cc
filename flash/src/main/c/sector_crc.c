/*
 * Probehost's sector analyzer: CRC-32 (IEEE 802.3, reflected, as java.util.zip.CRC32) of several
 * flash ranges in one call, so the host can skip unchanged sectors without reading them back.
 * Position independent: no data, PC-relative literals only; the 16-entry nibble table is built on
 * the stack (a const table would be reached through an absolute address). Built with
 *   arm-none-eabi-gcc -mcpu=cortex-m0 -mthumb -Os -ffreestanding -nostdlib -c sector_crc.c
 * and embedded in SectorCrc.java as bytes (SectorCrcTest rebuilds and compares).
 *
 * table: count pairs {address, length}; out: count CRCs. Returns 0.
 */
typedef unsigned int u32;

int sector_crc(const u32 *table, u32 count, u32 *out) {
    u32 nibble[16];
    for (u32 v = 0; v < 16u; v++) {
        u32 c = v;
        for (int bit = 0; bit < 4; bit++) {
            c = (c >> 1) ^ (0xEDB88320u & (0u - (c & 1u)));
        }
        nibble[v] = c;
    }
    for (u32 i = 0; i < count; i++) {
        const unsigned char *p = (const unsigned char *) table[2 * i];
        const unsigned char *end = p + table[2 * i + 1];
        u32 crc = 0xFFFFFFFFu;
        while (p != end) {
            crc ^= *p++;
            crc = (crc >> 4) ^ nibble[crc & 15u];
            crc = (crc >> 4) ^ nibble[crc & 15u];
        }
        out[i] = ~crc;
    }
    return 0;
}
