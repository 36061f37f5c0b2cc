package io.probehost.arch.riscv.internal;

import java.util.HexFormat;

import io.probehost.api.debug.CrcCode;

/**
 * The flash loader's sector CRC routine for RV32: flash/src/main/c/sector_crc.c built with
 * {@code riscv64-unknown-elf-gcc -march=rv32imac -mabi=ilp32 -Os -ffreestanding -nostdlib
 * -msmall-data-limit=0 -mno-relax -c}, linked at 0, section .text (434 bytes; only PC-relative
 * branches, so it runs anywhere). RiscvCrcCodeTest rebuilds it and compares.
 */
final class RiscvCrcCode implements CrcCode {
    static final byte[] CODE = HexFormat.of().parseHex(
            "5d71a2c68dee3783b8ed8a88014713030332414eba87114893de1700858bb307f040b3f767007d18"
            + "b3c7fe00e31608fe23a0f80005079108e31ec7fdb1a8b787b8ed9387073223a00600214313070008"
            + "9302f00fbe83931f1700131f37003688931e27008148032e08003304d801fe98334efe002320c401"
            + "7a98e3f612ff13d81700858bb307f040b3f777007d13b347f8000583e31103fc81486396b8003644"
            + "014561618280184103234500fd573a93b9ee630de306034807000507b347f80013d84700bd8b8a07"
            + "938707048a9783a707fc3348f800935748001378f8000a081304080433082400032808fcb3c70701"
            + "c9b70348070013de87000507b347f80093f7f70f8a07b6979c43b347fe006306e30013783700e31e"
            + "08fc330ee340137eceff3a9e631dee006317c3071397280093c7f7ff32971cc385082105b9bf0328"
            + "07001107b3c7070113d8870093f7f70f8a07b6979c433348f800935788001378f80f0a0836980328"
            + "0800b3c7070113d8870093f7f70f8a07b6979c433348f800935788001378f80f0a08369803280800"
            + "b3c7070141bf03470e0013d88700050eb98f93f7f70f8a07b6979c43b347f800a5bf");

    @Override
    public byte[] code() {
        return CODE.clone();
    }
}
