package io.probehost.driver.stlink.internal;

import java.util.List;

import io.probehost.api.option.OptionDescriptor;

/** The session options this driver owns. */
final class StlinkOptions {

    static final OptionDescriptor<Integer> V3_PRESCALER = OptionDescriptor.of("stlink.v3_prescaler", Integer.class,
            1, "STLINK-V3 core clock prescaler: 1 (high performance), 2 (standard) or 4 (low power). "
                    + "It changes the SWD/JTAG frequencies a V3 offers; V2 probes ignore it.");

    static final List<OptionDescriptor<?>> ALL = List.of(V3_PRESCALER);

    private StlinkOptions() {
    }

    /** @throws IllegalArgumentException naming the option for a value other than 1, 2 or 4 */
    static int checkedPrescaler(int prescaler) {
        if (prescaler != 1 && prescaler != 2 && prescaler != 4) {
            throw new IllegalArgumentException(V3_PRESCALER.name() + " must be 1, 2 or 4, not " + prescaler);
        }
        return prescaler;
    }
}
