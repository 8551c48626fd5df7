#ifndef SCANRULES_CPCRE2_SHIM_H
#define SCANRULES_CPCRE2_SHIM_H
// The 8-bit (UTF-8) library: the width must be fixed before pcre2.h is read.
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

// PCRE2_ZERO_TERMINATED and PCRE2_UNSET are macros Swift cannot import (they cast ~0).
static inline size_t scanrules_pcre2_unset(void) { return PCRE2_UNSET; }
#endif
