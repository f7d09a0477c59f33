/* baken-search-page.h: search with the on-screen keyboard
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "baken-context.h"
#include "baken-page.h"
#include "baken-keyboard.h"

G_BEGIN_DECLS

#define BAKEN_TYPE_SEARCH_PAGE (baken_search_page_get_type ())

G_DECLARE_FINAL_TYPE (BakenSearchPage, baken_search_page, BAKEN, SEARCH_PAGE, BakenPage)

/* The most results shown at once. */
#define BAKEN_SEARCH_PAGE_MAX_RESULTS 12
/* The most life events suggested when nothing was found. */
#define BAKEN_SEARCH_PAGE_MAX_SUGGESTIONS 3

/* text: what was typed before (when coming back to the page), or NULL. */
GtkWidget     *baken_search_page_new          (BakenContext    *context,
                                               const char      *language,
                                               const char      *text);

const char    *baken_search_page_get_text     (BakenSearchPage *self);
/* The line above the results ("Dit hebben we gevonden:"), NULL when none. */
const char    *baken_search_page_get_status   (BakenSearchPage *self);
/* The box of results (or of suggestions and the way to a person). */
GtkWidget     *baken_search_page_get_results  (BakenSearchPage *self);
BakenKeyboard *baken_search_page_get_keyboard (BakenSearchPage *self);

/* A key of a physical keyboard, as the page's window received it: a printable
 * character is typed (the on-screen keyboard's rules apply: no double spaces, the
 * length limit), BackSpace takes away the last character, Return opens the first
 * result. A key with Control, Alt, Super or Meta, and every other key, is left alone.
 * Returns whether the key was used. What is typed is never written anywhere. */
gboolean       baken_search_page_press_key    (BakenSearchPage *self,
                                               guint            keyval,
                                               GdkModifierType  state);

/* The "Zoeken" button of the top bar (kiosk.search), built in the current language. */
GtkWidget     *baken_search_button_new        (void);

G_END_DECLS
