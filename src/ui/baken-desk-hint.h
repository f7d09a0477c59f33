/* baken-desk-hint.h: "Vraag het aan de medewerker bij de balie"
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * On screens without channels, the way to a person.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define BAKEN_TYPE_DESK_HINT (baken_desk_hint_get_type ())

G_DECLARE_FINAL_TYPE (BakenDeskHint, baken_desk_hint, BAKEN, DESK_HINT, GtkWidget)

GtkWidget *baken_desk_hint_new (void);

G_END_DECLS
