/**
 * Debug information read from ELF files, for stack traces, source breakpoints and variables:
 * symbols ({@code .symtab}), DWARF 2 to 5 line tables ({@code .debug_line}), functions with their
 * parameters and locals ({@code .debug_info}), call frame information ({@code .debug_frame}) and an
 * {@link io.probehost.flash.format.debug.Unwinder} that walks a halted core's stack through an
 * {@link io.probehost.flash.format.debug.UnwindArchitecture} (Cortex-M and RV32 included). Plain
 * library code: no OSGi services, no I/O beyond reading the named file.
 */
@Export
@Version("0.2.0")
package io.probehost.flash.format.debug;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
