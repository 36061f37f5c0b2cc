package io.probehost.driver.cmsisdap.internal;

import io.probehost.api.probe.ResetControl;
import io.probehost.api.probe.SwjControl;

/** nRESET through DAP_SWJ_Pins: drive it low to assert, release it high to deassert. */
final class CmsisDapReset implements ResetControl {
    private final TransferEngine engine;

    CmsisDapReset(TransferEngine engine) {
        this.engine = engine;
    }

    @Override
    public void setResetAsserted(boolean asserted) {
        int output = asserted ? 0 : SwjControl.PIN_NRESET;
        engine.execute(new SwjPinsRequest(output, SwjControl.PIN_NRESET, 0));
    }
}
