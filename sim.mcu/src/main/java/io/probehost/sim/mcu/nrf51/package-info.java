/** The virtual nRF51822: memory map, NVMC, FICR/UICR, minimal peripherals and the test back door. */
@org.osgi.annotation.versioning.Version("0.1.0")
package io.probehost.sim.mcu.nrf51;
