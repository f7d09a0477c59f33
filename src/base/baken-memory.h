/* baken-memory.h: a heap that stays the same size over months
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * glibc gives every thread that allocates its own arena (up to 8 per core), and keeps
 * what is freed there for the next allocation. The kiosk verifies each new bundle and
 * builds its search index in worker threads: over a few hundred bundles and idle resets
 * the arenas of those threads held ~110 MB of freed memory (bench/soak.py --swaps).
 * Both calls do nothing on a C library other than glibc.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* At most two arenas: the UI thread's and one for all workers. Call first in main (),
 * before any thread starts. */
void baken_memory_limit_arenas (void);
/* Hands the freed memory of every arena back to the system (glibc's malloc_trim).
 * Takes a few milliseconds: call it when nobody is waiting, as after an idle reset. */
void baken_memory_give_back    (void);

G_END_DECLS
