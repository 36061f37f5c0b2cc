package io.probehost.driver.pemicro.internal;

import com.sun.jna.Library;
import com.sun.jna.Pointer;

/**
 * PE Micro's interface library ("UNITACMP"), as JNA calls it: cdecl, so a plain {@link Library}. The
 * mapping follows the PE Micro note (section 7): C {@code unsigned long}/{@code unsigned int} scalars
 * as {@code int}, booleans and {@code uint8} as {@code byte} (test {@code != 0}), {@code uint16} as
 * {@code short} (mask with {@code 0xFFFF}), {@code char*} results as {@link String} (the library owns
 * them), out-parameters as a zeroed 8-byte {@link com.sun.jna.Memory}. {@code tag} arguments are 0.
 * The library is not thread-safe: every call goes through {@link PeLibrary#call}.
 */
interface PeMicroLibrary extends Library {

    String version();

    short get_dll_version();

    byte reenumerate_all_port_types();

    int get_enumerated_number_of_ports(int portType);

    String get_port_descriptor_short(int portType, int index);

    String get_port_descriptor(int portType, int index);

    byte open_port_by_identifier(String identifier);

    byte open_port(int portType, int index);

    void close_port();

    void reset_hardware_interface();

    byte check_critical_error();

    void set_debug_shift_frequency(int hz);

    void set_reset_delay_in_ms(int milliseconds);

    /** 0 drives nRESET low, 1 releases it. */
    void set_reset_pin_state(byte state);

    byte target_reset();

    byte target_halt();

    byte target_resume();

    byte target_step();

    byte target_check_if_halted();

    byte read_8bit_value(int tag, int address, Pointer memResult);

    short read_16bit_value(int tag, int address, Pointer memResult);

    int read_32bit_value(int tag, int address, Pointer memResult);

    void write_8bit_value(int tag, int address, byte value, Pointer memResult);

    void write_16bit_value(int tag, int address, short value, Pointer memResult);

    void write_32bit_value(int tag, int address, int value, Pointer memResult);

    byte get_block(int tag, int address, int byteCount, int accessSize, byte[] buffer, Pointer errors);

    byte put_block(int tag, int address, int byteCount, int accessSize, byte[] buffer, Pointer errors);

    byte get_mcu_register(int tag1, int tag2, int register, Pointer value);

    byte set_mcu_register(int tag1, int tag2, int register, int value);

    byte load_bin_file(String file, int startAddress);

    byte load_srec_file(String file, int offset);

    void open_debug_file(String file);

    void close_debug_file();

    byte pe_special_features(int feature, byte set, int p1, int p2, int p3, Pointer ref1, Pointer ref2);
}
