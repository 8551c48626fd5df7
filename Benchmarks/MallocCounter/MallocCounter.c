// Counts heap allocations for the benchmark by wrapping glibc's allocator: the benchmark executable's
// malloc, calloc and realloc take precedence over libc's and forward to glibc's own entry points.
// Linked only into the benchmark, never into the library.
#include <stdatomic.h>
#include <stddef.h>
#include "MallocCounter.h"

extern void *__libc_malloc(size_t size);
extern void *__libc_calloc(size_t count, size_t size);
extern void *__libc_realloc(void *pointer, size_t size);

static atomic_ulong allocations;

void *malloc(size_t size) {
    atomic_fetch_add_explicit(&allocations, 1, memory_order_relaxed);
    return __libc_malloc(size);
}

void *calloc(size_t count, size_t size) {
    atomic_fetch_add_explicit(&allocations, 1, memory_order_relaxed);
    return __libc_calloc(count, size);
}

void *realloc(void *pointer, size_t size) {
    atomic_fetch_add_explicit(&allocations, 1, memory_order_relaxed);
    return __libc_realloc(pointer, size);
}

unsigned long scanrules_allocation_count(void) {
    return atomic_load_explicit(&allocations, memory_order_relaxed);
}
