/* baken-search-results.h: the buttons and notes of the search page's results
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each result of a search is a big button that activates kiosk.open-event or
 * kiosk.open-service with its id: the page puts them in its list and never builds them
 * itself.
 */
#pragma once

#include <gtk/gtk.h>

#include "baken-catalog.h"
#include "baken-search.h"

G_BEGIN_DECLS

/* Life events first, then services, each in the order of the search; the results stay
 * results's. (transfer container) (element-type BakenSearchResult) */
GPtrArray *baken_search_results_order      (GPtrArray               *results);

/* A button for result: its icon (the life event's from the catalog), its title and
 * subtitle, which are also its accessible name and description; css_class tells a
 * result ("search-result") from a suggestion ("search-suggestion"). */
GtkWidget *baken_search_results_new_button (BakenCatalog            *catalog,
                                            const BakenSearchResult *result,
                                            const char              *css_class);

/* A line of text between the results, wrapped, with css_class. */
GtkWidget *baken_search_results_new_note   (const char              *text,
                                            const char              *css_class);

G_END_DECLS
