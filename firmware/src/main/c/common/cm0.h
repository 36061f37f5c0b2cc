/* Cortex-M0 system registers used by the test programs. */
#ifndef CM0_H
#define CM0_H
#include <stdint.h>

#define REG32(addr) (*(volatile uint32_t *)(addr))

#define SYST_CSR   REG32(0xE000E010u)
#define SYST_RVR   REG32(0xE000E014u)
#define SYST_CVR   REG32(0xE000E018u)
#define NVIC_ISER  REG32(0xE000E100u)
#define NVIC_ICER  REG32(0xE000E180u)
#define NVIC_ISPR  REG32(0xE000E200u)
#define NVIC_ICPR  REG32(0xE000E280u)
#define NVIC_IPR(n) REG32(0xE000E400u + 4u * (n))
#define SCB_CPUID  REG32(0xE000ED00u)
#define SCB_ICSR   REG32(0xE000ED04u)
#define SCB_AIRCR  REG32(0xE000ED0Cu)
#define SCB_CCR    REG32(0xE000ED14u)
#define SCB_SHPR2  REG32(0xE000ED1Cu)
#define SCB_SHPR3  REG32(0xE000ED20u)

#define ICSR_PENDSVSET (1u << 28)
#define ICSR_PENDSTCLR (1u << 25)

static inline uint32_t read_ipsr(void) { uint32_t v; __asm volatile("mrs %0, ipsr" : "=r"(v)); return v; }
static inline uint32_t read_apsr(void) { uint32_t v; __asm volatile("mrs %0, apsr" : "=r"(v)); return v; }
static inline uint32_t read_primask(void) { uint32_t v; __asm volatile("mrs %0, primask" : "=r"(v)); return v; }
static inline uint32_t read_control(void) { uint32_t v; __asm volatile("mrs %0, control" : "=r"(v)); return v; }
static inline uint32_t read_psp(void) { uint32_t v; __asm volatile("mrs %0, psp" : "=r"(v)); return v; }
static inline uint32_t read_msp(void) { uint32_t v; __asm volatile("mrs %0, msp" : "=r"(v)); return v; }
static inline void write_primask(uint32_t v) { __asm volatile("msr primask, %0" : : "r"(v) : "memory"); }
static inline void write_control(uint32_t v) { __asm volatile("msr control, %0\n\tisb" : : "r"(v) : "memory"); }
static inline void write_psp(uint32_t v) { __asm volatile("msr psp, %0" : : "r"(v) : "memory"); }
static inline void irq_disable(void) { __asm volatile("cpsid i" : : : "memory"); }
static inline void irq_enable(void) { __asm volatile("cpsie i" : : : "memory"); }
static inline void barrier(void) { __asm volatile("dsb\n\tisb" : : : "memory"); }

/* Pends NVIC lines under PRIMASK, so QEMU (which takes a pended interrupt after the next barrier)
 * and the lab (right after the store) both take them after the CPSIE, stacking the same return
 * address. */
static inline void pend_at_cpsie(uint32_t irqs)
{
    irq_disable();
    NVIC_ISPR = irqs;
    barrier();
    irq_enable();
    barrier();
}

#endif
