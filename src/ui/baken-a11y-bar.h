/* baken-a11y-bar.h: read aloud, text size, contrast and reach, one tap each
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "baken-text-size.h"

G_BEGIN_DECLS

#define BAKEN_TYPE_A11Y_BAR (baken_a11y_bar_get_type ())

G_DECLARE_FINAL_TYPE (BakenA11yBar, baken_a11y_bar, BAKEN, A11Y_BAR, GtkWidget)

/* Buttons for the a11y.* actions of the window (a11y.read-aloud, a11y.text-size,
 * a11y.high-contrast, a11y.low-reach). Built in the current gettext language. */
GtkWidget *baken_a11y_bar_new           (void);
/* The text-size button says what its next tap does and targets the next step. */
void       baken_a11y_bar_set_text_size (BakenA11yBar  *self,
                                         BakenTextSize  size);
/* The size given last. */
BakenTextSize baken_a11y_bar_get_text_size (BakenA11yBar *self);

G_END_DECLS
