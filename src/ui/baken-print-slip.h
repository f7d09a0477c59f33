/* baken-print-slip.h: the slip of one service, from the catalog and kiosk.conf
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "baken-context.h"
#include "baken-slip.h"

G_BEGIN_DECLS

/* The slip of service_id for residents (public channels only), titled by the life event
 * event_id (nullable) and with its icon (or its parent's); handover adds the staff
 * session's note. NULL with error when the service cannot be loaded. */
BakenSlip *baken_print_slip_build (BakenContext  *context,
                                   const char    *language,
                                   const char    *service_id,
                                   const char    *event_id,
                                   gboolean       handover,
                                   GError       **error);

G_END_DECLS
