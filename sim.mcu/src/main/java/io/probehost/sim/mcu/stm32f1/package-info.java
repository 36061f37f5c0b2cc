/** The virtual STM32F103RB: memory map with boot alias, FPEC, option bytes, DBGMCU, minimal RCC and the test back door. */
@org.osgi.annotation.versioning.Version("0.1.0")
package io.probehost.sim.mcu.stm32f1;
