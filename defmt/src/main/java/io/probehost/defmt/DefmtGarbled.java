package io.probehost.defmt;

/** A frame that did not decode and was skipped: how many stream bytes it held, and why. */
public record DefmtGarbled(int bytes, String reason) implements DefmtRecord {
}
