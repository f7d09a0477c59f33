/* baken-memory.c: a heap that stays the same size over months
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "baken-memory.h"

#ifdef __GLIBC__
#include <malloc.h>
#endif

void
baken_memory_limit_arenas (void)
{
#ifdef __GLIBC__
  mallopt (M_ARENA_MAX, 2);
#endif
}

void
baken_memory_give_back (void)
{
#ifdef __GLIBC__
  malloc_trim (0);
#endif
}
