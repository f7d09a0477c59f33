/* baken-monitor-batch.h: counts waiting in memory for the next flush
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Filled on the main thread (each count a hash table update), written by the
 * monitor's thread in one transaction per day. Search terms wait here with the words
 * the content's index did not know; at the write they are looked up in the word lists
 * and kept, or forgotten.
 */
#pragma once

#include "baken-state-counts.h"

G_BEGIN_DECLS

typedef struct _BakenMonitorBatch BakenMonitorBatch;

/* The most terms one batch holds; more are only counted. */
#define BAKEN_MONITOR_BATCH_MAX_TERMS 200

BakenMonitorBatch *baken_monitor_batch_new      (void);
void               baken_monitor_batch_free     (BakenMonitorBatch   *self);
/* One more of kind/key/detail on day; FALSE (nothing counted) when baken_count_check ()
 * refuses it. */
gboolean           baken_monitor_batch_add      (BakenMonitorBatch   *self,
                                                 const char          *day,
                                                 BakenCountKind       kind,
                                                 const char          *key,
                                                 const char          *detail);
/* A term (baken_count_term_normalize ()) that found nothing on day, with the words of
 * it (unknown, transfer full) that need a word list. FALSE when the batch is full. */
gboolean           baken_monitor_batch_add_term (BakenMonitorBatch   *self,
                                                 const char          *day,
                                                 const char          *term,
                                                 GStrv                unknown);
/* Writes the batch into state, the terms whose words are all known (word_lists: the
 * files of baken_count_terms_lists_for ()). Blocking: the monitor's thread. */
void               baken_monitor_batch_write    (BakenMonitorBatch   *self,
                                                 BakenState          *state,
                                                 const char * const  *word_lists);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BakenMonitorBatch, baken_monitor_batch_free)

G_END_DECLS
