package io.probehost.driver.picoprobe.internal;

import java.util.List;

import io.probehost.api.option.OptionDescriptor;

/** The session options this driver owns. */
final class PicoprobeOptions {

    static final OptionDescriptor<Boolean> SAFE_SWD = OptionDescriptor.of("picoprobe.safeswd", Boolean.class,
            Boolean.FALSE, "Use safe but slower SWD transfers with a legacy Picoprobe: one USB round trip per "
                    + "SWD response instead of up to 8 KB of queued transfers per packet.");

    static final List<OptionDescriptor<?>> ALL = List.of(SAFE_SWD);

    private PicoprobeOptions() {
    }
}
