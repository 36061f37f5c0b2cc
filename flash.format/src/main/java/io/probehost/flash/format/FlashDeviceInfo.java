package io.probehost.flash.format;

import java.util.List;

/**
 * The {@code FlashDevice} descriptor of a CMSIS FLM (section DevDscr).
 *
 * @param driverVersion     {@code Vers}, such as 0x0101
 * @param name              {@code DevName}
 * @param type              {@code DevType}: 1 on-chip, 2-4 external 8/16/32-bit, 5 SPI
 * @param address           {@code DevAdr}, the default device start address
 * @param size              {@code szDev}
 * @param pageSize          {@code szPage}, the most ProgramPage takes at once
 * @param erasedValue       {@code valEmpty}
 * @param programTimeoutMs  {@code toProg}
 * @param eraseTimeoutMs    {@code toErase}
 * @param sectors           the sector table without its terminator, in file order
 */
public record FlashDeviceInfo(int driverVersion, String name, int type, long address, long size, long pageSize,
        int erasedValue, long programTimeoutMs, long eraseTimeoutMs, List<SectorGroup> sectors) {

    public FlashDeviceInfo {
        sectors = List.copyOf(sectors);
    }

    /** Size of the sector holding {@code deviceAddress}, an absolute address inside the device. */
    public long sectorSizeAt(long deviceAddress) {
        long offset = deviceAddress - address;
        long size = sectors.get(0).size();
        for (SectorGroup group : sectors) {
            if (group.offset() <= offset) {
                size = group.size();
            }
        }
        return size;
    }
}
