/* baken-service-facts.h: who a service is for, what it costs, how long the wait is
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * In plain words, in the current language, for the service page and the slip: "Voor
 * mensen van 18 jaar en ouder", "Kosten: gratis", "Wachttijd: ongeveer 2 weken". They
 * decide whether a resident should go there at all, so they come first.
 */
#pragma once

#include <glib.h>

#include "baken-catalog-services.h"

G_BEGIN_DECLS

/* The age limits in words ("Voor mensen van 16 tot en met 27 jaar"), or NULL when there
 * are none (0 means no limit). */
char  *baken_service_ages_text (int                 minimum_age,
                                int                 maximum_age);

/* The facts of service that it has, in this order: ages, costs, wait; NULL-terminated,
 * possibly empty. */
GStrv  baken_service_facts     (const BakenService *service);

/* The same from its parts: the slip passes the costs and the wait with its mark for a
 * text the content has only in Dutch. */
GStrv  baken_service_facts_of  (int                 minimum_age,
                                int                 maximum_age,
                                const char         *fees,
                                const char         *wait_time);

G_END_DECLS
