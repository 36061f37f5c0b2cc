/*
 * Probehost's sector analyzer: CRC-32 (IEEE 802.3, reflected, as java.util.zip.CRC32) of several
 * flash ranges in one call, so the host can skip unchanged sectors without reading them back.
 * Position independent: no data, PC-relative literals only; tables are built at run time in RAM
 * (a const table would be reached through an absolute address). Built with
 *   arm-none-eabi-gcc -mcpu=cortex-m0 -mthumb -Os -ffreestanding -nostdlib -c sector_crc.c
 * and embedded in SectorCrc.java as bytes (SectorCrcTest rebuilds and compares).
 *
 * table: count pairs {address, length}; out: count CRCs; lut: 1 KiB of word-aligned RAM for the
 * 256-entry byte table (about 8 cycles a byte on a Cortex-M0, words loaded whole where aligned), or 0
 * to use a 16-entry nibble table on the stack instead (about 22 cycles a byte). Returns 0.
 */
typedef unsigned int u32;

#define POLYNOMIAL 0xEDB88320u

/* One bit of the reflected CRC; a macro, so no helper function comes before sector_crc (the entry). */
#define STEP(c) (((c) >> 1) ^ (POLYNOMIAL & (0u - ((c) & 1u))))

/* The table is linear (lut[i ^ j] == lut[i] ^ lut[j]): each single-bit entry and xors of them. */
static void build_byte_table(u32 *lut) {
    u32 c = POLYNOMIAL;
    lut[0] = 0;
    for (u32 bit = 128; bit != 0; bit >>= 1) {
        for (u32 j = 0; j < 256u; j += 2 * bit) {
            lut[bit + j] = c ^ lut[j];
        }
        c = STEP(c);
    }
}

static u32 crc_by_bytes(const u32 *lut, const unsigned char *p, const unsigned char *end) {
    u32 crc = 0xFFFFFFFFu;
    while (p != end && ((u32) p & 3u) != 0) {
        crc = (crc >> 8) ^ lut[(crc ^ *p++) & 0xFFu];
    }
    const u32 *word = (const u32 *) p;
    const u32 *words_end = (const u32 *) (p + ((u32) (end - p) & ~3u));
    while (word != words_end) {
        crc ^= *word++;
        crc = (crc >> 8) ^ lut[crc & 0xFFu];
        crc = (crc >> 8) ^ lut[crc & 0xFFu];
        crc = (crc >> 8) ^ lut[crc & 0xFFu];
        crc = (crc >> 8) ^ lut[crc & 0xFFu];
    }
    p = (const unsigned char *) word;
    while (p != end) {
        crc = (crc >> 8) ^ lut[(crc ^ *p++) & 0xFFu];
    }
    return ~crc;
}

static u32 crc_by_nibbles(const u32 *nibble, const unsigned char *p, const unsigned char *end) {
    u32 crc = 0xFFFFFFFFu;
    while (p != end) {
        crc ^= *p++;
        crc = (crc >> 4) ^ nibble[crc & 15u];
        crc = (crc >> 4) ^ nibble[crc & 15u];
    }
    return ~crc;
}

int sector_crc(const u32 *table, u32 count, u32 *out, u32 *lut) {
    u32 nibble[16];
    if (lut != 0) {
        build_byte_table(lut);
    } else {
        for (u32 v = 0; v < 16u; v++) {
            u32 c = v;
            for (int bit = 0; bit < 4; bit++) {
                c = STEP(c);
            }
            nibble[v] = c;
        }
    }
    for (u32 i = 0; i < count; i++) {
        const unsigned char *p = (const unsigned char *) table[2 * i];
        const unsigned char *end = p + table[2 * i + 1];
        out[i] = lut != 0 ? crc_by_bytes(lut, p, end) : crc_by_nibbles(nibble, p, end);
    }
    return 0;
}
