package io.probehost.driver.cmsisdap.internal;

import java.util.List;

import io.probehost.api.option.OptionDescriptor;

/** The session options this driver owns; names and defaults as pyOCD has them. */
final class CmsisDapOptions {

    static final OptionDescriptor<Boolean> PREFER_V1 = OptionDescriptor.of("cmsis_dap.prefer_v1", Boolean.class,
            false, "Use the v1 (HID) interface of a probe that offers both v1 and v2 (bulk). v2 is faster; "
                    + "v1 helps with firmware whose bulk interface misbehaves.");

    static final OptionDescriptor<Boolean> DEFERRED_TRANSFERS = OptionDescriptor.of(
            "cmsis_dap.deferred_transfers", Boolean.class, true,
            "Queue DAP transfers and send them in packets, reporting a failed write at the next flush or read. "
                    + "False makes every access complete before its call returns: slower, but errors surface "
                    + "where they happen.");

    static final OptionDescriptor<Boolean> LIMIT_PACKETS = OptionDescriptor.of("cmsis_dap.limit_packets",
            Boolean.class, false, "Keep only one DAP packet in flight instead of the probe's advertised packet "
                    + "count. Works around probes that lose packets when several are queued.");

    static final List<OptionDescriptor<?>> ALL = List.of(PREFER_V1, DEFERRED_TRANSFERS, LIMIT_PACKETS);

    private CmsisDapOptions() {
    }
}
