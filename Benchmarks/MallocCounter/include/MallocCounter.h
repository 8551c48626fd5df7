#ifndef SCANRULES_MALLOC_COUNTER_H
#define SCANRULES_MALLOC_COUNTER_H
/// Heap allocations (malloc, calloc, realloc) made by the process so far, across all threads.
unsigned long scanrules_allocation_count(void);
#endif
