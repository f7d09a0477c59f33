/* baken-pages-ahead.h: which pages a resident will likely open next
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "baken-catalog.h"
#include "baken-history.h"

G_BEGIN_DECLS

typedef struct
{
  BakenLocationKind  kind;
  char              *id;    /* (owned) */
} BakenPageAhead;

void       baken_page_ahead_free  (BakenPageAhead    *ahead);

/* The pages one or two taps away from the location kind:id, in the order a resident
 * meets them: from Home its life events and their situations, from a list of services
 * its services. Empty for every other location. (element-type BakenPageAhead) */
GPtrArray *baken_pages_ahead_list (BakenCatalog      *catalog,
                                   BakenLocationKind  kind,
                                   const char        *id,
                                   const char        *language,
                                   BakenAudience      audience);

G_END_DECLS
