/* baken-controls.h: the controls a person moves between, and what to say about one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Speech mode speaks each control that gets the focus: its name, its role, its state
 * and its place among the controls of its part of the screen ("Wonen en huur, knop,
 * 3 van 11"), in the current gettext language.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The drawn, sensitive, focusable widgets under root in tree order (not those inside
 * another one, nor under skip, which may be NULL). Never NULL. */
GPtrArray *baken_controls_collect  (GtkWidget *root,
                                    GtkWidget *skip);
/* "Wonen en huur, knop, 3 van 11": position counts from 1; n 0 leaves it out. */
char      *baken_controls_describe (GtkWidget *control,
                                    guint      position,
                                    guint      n);

/* label's text is in language (nullable: the screen's), as content that fell back to
 * Dutch is: a control named by it says it in that language's voice. */
void       baken_controls_set_language (GtkWidget  *label,
                                        const char *language);

G_END_DECLS
