/* baken-wrap.c: text that may break inside a word, measured without a line per letter
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GtkLabel that breaks between characters (PANGO_WRAP_WORD_CHAR) and has no
 * width-chars measures its minimum width by laying its text out at a width of 0: one
 * line per character, and Pango shapes the rest of the paragraph again for each line.
 * For a paragraph of 300 characters that takes 1.7 ms on these machines, against
 * 0.13 ms at the width it is shown, and GTK does it once for every label of a page
 * that is opened. With a minimum of BAKEN_WRAP_MIN_CHARS characters the minimum is a
 * layout at that width (0.2 ms), and no page shows such a text narrower. A text of that
 * many characters or fewer is set on one line, at its own width: no page is narrower
 * than it either, even at the largest text, and a minimum of 20 characters would widen
 * a chip or a row it sits in. The rule follows the label's text when it changes.
 */
#define G_LOG_DOMAIN "baken-wrap"

#include "config.h"

#include "baken-wrap.h"

static void
fit_text (GtkLabel *label)
{
  gboolean wraps = g_utf8_strlen (gtk_label_get_text (label), -1) > BAKEN_WRAP_MIN_CHARS;

  gtk_label_set_wrap (label, wraps);
  gtk_label_set_width_chars (label, wraps ? BAKEN_WRAP_MIN_CHARS : -1);
}

static void
text_changed_cb (GtkLabel   *label,
                 GParamSpec *pspec,
                 gpointer    user_data)
{
  fit_text (label);
}

void
baken_wrap_break_anywhere (GtkLabel *label)
{
  g_return_if_fail (GTK_IS_LABEL (label));

  gtk_label_set_wrap_mode (label, PANGO_WRAP_WORD_CHAR);
  fit_text (label);
  g_signal_connect (label, "notify::label", G_CALLBACK (text_changed_cb), NULL);
}
