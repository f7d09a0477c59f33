/* baken-print-page.h: the slip before it prints, while it prints, and after
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "baken-context.h"
#include "baken-page.h"
#include "baken-printer.h"
#include "baken-slip.h"

G_BEGIN_DECLS

#define BAKEN_TYPE_PRINT_PAGE (baken_print_page_get_type ())

G_DECLARE_FINAL_TYPE (BakenPrintPage, baken_print_page, BAKEN, PRINT_PAGE, BakenPage)

/* event_id (nullable): the life event the resident came through, printed as the slip's
 * title. The "print.start" action prints (the big button). */
GtkWidget       *baken_print_page_new               (BakenContext   *context,
                                                     const char     *language,
                                                     const char     *service_id,
                                                     const char     *event_id);
/* The slip of a warm handover by staff: the resident's slip (public channels only)
 * with the box "Doorverwezen door DESK op DATE" and the clerk's note from the staff
 * session (baken_staff_session_set_note ()). */
GtkWidget       *baken_print_page_new_handover      (BakenContext   *context,
                                                     const char     *language,
                                                     const char     *service_id);

/* "preview", "printing", "done" or "failed": what the resident sees. */
const char      *baken_print_page_get_state         (BakenPrintPage *self);
/* Why it failed (BAKEN_PRINT_STATE_OK unless the state is "failed"). */
BakenPrintState  baken_print_page_get_print_state   (BakenPrintPage *self);
/* The slip shown and printed (NULL when the service could not be loaded). */
BakenSlip       *baken_print_page_get_slip          (BakenPrintPage *self);
/* Whether the picture of the slip is shown (it is drawn in a worker thread). */
gboolean         baken_print_page_get_preview_ready (BakenPrintPage *self);

G_END_DECLS
