package io.probehost.arch.arm.internal;

import java.util.ArrayList;
import java.util.List;

import io.probehost.api.TargetException;
import io.probehost.api.TransferFaultException;
import io.probehost.arch.arm.AccessPortInfo;

/** Finds ADIv5 APs by reading IDR from APSEL 0 upwards until an empty one. */
public final class AccessPortScanner {
    private AccessPortScanner() {
    }

    public static List<AccessPortInfo> scan(DebugPort dp, int maxAccessPorts) {
        List<AccessPortInfo> found = new ArrayList<>();
        for (int ap = 0; ap < maxAccessPorts; ap++) {
            int idr;
            try {
                idr = dp.readAp(ap, ApRegister.IDR);
            } catch (TransferFaultException absent) {
                break; // some DPs fault on an APSEL with no AP behind it
            }
            if (idr == 0) {
                break;
            }
            found.add(new AccessPortInfo(ap, idr));
        }
        if (found.isEmpty()) {
            throw new TargetException(String.format("no access port found: IDR of AP0 reads 0 (DPIDR 0x%08X)",
                    dp.dpidr()));
        }
        return List.copyOf(found);
    }
}
