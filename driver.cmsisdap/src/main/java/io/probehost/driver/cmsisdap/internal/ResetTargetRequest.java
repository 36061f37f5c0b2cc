package io.probehost.driver.cmsisdap.internal;

import java.nio.ByteBuffer;

/**
 * DAP_ResetTarget: runs the probe's device-specific reset sequence. The reply says whether the
 * probe has one; when it does not, the host must reset the target its own way.
 */
record ResetTargetRequest() implements DapCommand<Boolean> {

    @Override
    public CommandId id() {
        return CommandId.RESET_TARGET;
    }

    @Override
    public void writeArguments(ByteBuffer out) {
        // no arguments
    }

    /** True when the probe executed a reset sequence. */
    @Override
    public Boolean readReply(ByteBuffer in) {
        DapStatus.check(in.get(), id());
        return in.get() == 1;
    }
}
