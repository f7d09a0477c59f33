/* baken-facts-box.h: who a service is for, what it costs, how long the wait is
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "baken-catalog-services.h"

G_BEGIN_DECLS

/* A section of one line per fact of service (baken-service-facts.h), in plain words in
 * the current language; NULL when it has none. */
GtkWidget *baken_facts_box_new (const BakenService *service);

G_END_DECLS
