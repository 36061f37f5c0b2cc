package io.probehost.api;

/** A probe is claimed by another user (a running command, a GDB server) and the caller would not wait. */
public class ProbeBusyException extends ProbeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param uniqueId the probe's unique ID
     * @param user     what holds it, such as {@code flash:program}
     */
    public ProbeBusyException(String uniqueId, String user) {
        super("probe busy: " + uniqueId + " is used by " + user);
    }
}
