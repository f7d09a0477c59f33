/* baken-text-size.h: normal, large and very large text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * style.css gives every text its size in pixels. Larger text is the same style sheet
 * scaled: every font-size (and the minimum height of labels sized in lines) times a
 * factor, under a class on the window. So a text added to style.css later grows too.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef enum {
  BAKEN_TEXT_SIZE_NORMAL,
  BAKEN_TEXT_SIZE_LARGE,
  BAKEN_TEXT_SIZE_VERY_LARGE,
} BakenTextSize;

#define BAKEN_TEXT_SIZE_LAST BAKEN_TEXT_SIZE_VERY_LARGE

double      baken_text_size_get_factor    (BakenTextSize  size);
/* The class on the window: NULL, "text-large", "text-very-large". */
const char *baken_text_size_get_css_class (BakenTextSize  size);

/* Rules for the window class css_class (on the element window_node) with every
 * font-size in css times factor; rules without a font-size are left out. Pure. */
char       *baken_text_size_scale_css     (const char    *css,
                                           const char    *window_node,
                                           const char    *css_class,
                                           double         factor);

/* Adds the scaled rules of the application's style.css for every size to display,
 * once. Home tile labels grow at most to the large size (every tile stays on screen). */
void        baken_text_size_install       (GdkDisplay    *display);

G_END_DECLS
