package io.probehost.driver.cmsisdap.internal;

import io.probehost.api.probe.SwjControl;

/** SWJ pins and sequences through DAP_SWJ_Sequence and DAP_SWJ_Pins, in order with queued transfers. */
final class CmsisDapSwj implements SwjControl {
    private final TransferEngine engine;

    CmsisDapSwj(TransferEngine engine) {
        this.engine = engine;
    }

    @Override
    public void swjSequence(int bitCount, byte[] bits) {
        engine.execute(new SwjSequenceRequest(bitCount, bits));
    }

    @Override
    public int swjPins(int output, int select, int waitMicros) {
        return engine.execute(new SwjPinsRequest(output, select, waitMicros));
    }
}
