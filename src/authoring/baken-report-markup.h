/* baken-report-markup.h: hostile text into the report's HTML and SVG (baken-report)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Kiosk names, search terms and ids come from reports anyone could have written. Before
 * any of it reaches the page it passes through here: & < > " ' become entities, control
 * characters, bidirectional overrides and invalid UTF-8 become U+FFFD, so no text can
 * open a tag, end an attribute, run a script or turn the page's writing direction.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Appends text, escaped, to out; at most max_chars characters (0: all), ending in "…"
 * when cut. */
void baken_report_markup_append (GString    *out,
                                 const char *text,
                                 guint       max_chars);

G_END_DECLS
