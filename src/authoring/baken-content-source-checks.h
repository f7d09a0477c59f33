/* baken-content-source-checks.h: the checks that span rows and tables
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "baken-content-source-model.h"

G_BEGIN_DECLS

/* Every id in a V_REF or V_CHANNEL_REF column names a row of its table; phones and
 * channels share one set of ids. */
void baken_source_check_references          (Source     *b);
/* A phone belongs to a service. */
void baken_source_check_phones              (Source     *b);
/* A walk_in channel has a location, the others a valid value of their kind. */
void baken_source_check_channels            (Source     *b);
/* A schedule is for exactly one target, with a slot that is not empty and dates in
 * order. */
void baken_source_check_schedules           (Source     *b);
/* An exception is for exactly one target; closed, or with both times. */
void baken_source_check_exceptions          (Source     *b);
/* One physical address per location (collected in b->address). */
void baken_source_check_addresses           (Source     *b);
/* minimum_age of a service is not above its maximum_age. */
void baken_source_check_ages                (Source     *b);
/* No two rows of table tid with the same values in col_a, col_b and col_c (-1: none; an
 * empty col_c counts as "nl"); what is the message. */
void baken_source_check_unique_pairs        (Source     *b,
                                             TableId     tid,
                                             guint       col_a,
                                             guint       col_b,
                                             int         col_c,
                                             const char *what);
/* A service once per life event; indexes the rows by "EVENT_ID/SERVICE_ID". */
void baken_source_check_life_event_services (Source     *b);
/* The synonyms of each life event and language, for the writer (b->synonyms). */
void baken_source_collect_synonyms          (Source     *b);
/* The accessibility rows of each location, for the writer (b->accessibility). */
void baken_source_collect_accessibility     (Source     *b);

G_END_DECLS
