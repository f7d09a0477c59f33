/* baken-content-source-life-events.h: check the tree of life events
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "baken-content-source-model.h"

G_BEGIN_DECLS

/* The life-event tree: the depth of every event (b->depth), cycles, the menu's depth,
 * icons on the home screen (checked by baken-content-source-icons.h), the length of
 * titles, and events that lead nowhere. */
void baken_source_check_life_events (Source *b);
/* Each situation_id of taxonomy_menu.csv is a life event under its life_event_id. */
void baken_source_check_taxonomy_menu (Source *b);

G_END_DECLS
