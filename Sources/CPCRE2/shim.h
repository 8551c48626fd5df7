#ifndef SCANRULES_CPCRE2_SHIM_H
#define SCANRULES_CPCRE2_SHIM_H
// The 8-bit (UTF-8) library: the width must be fixed before pcre2.h is read.
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

// PCRE2_ZERO_TERMINATED and PCRE2_UNSET are macros Swift cannot import (they cast ~0).
static inline size_t scanrules_pcre2_unset(void) { return PCRE2_UNSET; }

// A slot that keeps one spare pointer (a Regex's match data between calls), taken and given back
// atomically so threads sharing the Regex never hold the same one. Swift has no portable atomics for
// this before macOS 15. `take` empties the slot and returns what it held (NULL when empty or in use);
// `give` fills an empty slot and returns NULL, or returns `value` untouched when the slot is full.
static inline void *scanrules_slot_take(void **slot) {
    return __atomic_exchange_n(slot, (void *)0, __ATOMIC_ACQUIRE);
}
static inline void *scanrules_slot_give(void **slot, void *value) {
    void *expected = 0;
    return __atomic_compare_exchange_n(slot, &expected, value, 0, __ATOMIC_RELEASE, __ATOMIC_RELAXED) ? 0 : value;
}
#endif
