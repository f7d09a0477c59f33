/* baken-context.h: what the UI runs on
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One BakenContext is built by the application and handed to the window as a
 * construct-only property. Pages get what they need from it; nothing below the window
 * looks up the application.
 */
#pragma once

#include <gio/gio.h>

#include "baken-catalog.h"
#include "baken-config.h"
#include "baken-printer.h"
#include "baken-kiosk-content.h"
#include "baken-monitor.h"
#include "baken-staff-session.h"

G_BEGIN_DECLS

#define BAKEN_TYPE_CONTEXT (baken_context_get_type ())

G_DECLARE_FINAL_TYPE (BakenContext, baken_context, BAKEN, CONTEXT, GObject)

BakenContext *baken_context_new         (BakenConfig   *config,
                                         BakenCatalog  *catalog);
/* The kiosk's content: what it opened at startup and the bundles the sync brings
 * (see baken-kiosk-content.h). Waits for the startup content to be verified. */
BakenContext *baken_context_new_for_content (BakenConfig       *config,
                                         BakenKioskContent *content);
/* Verified content without a sync store: the bundle folder of [content] path, else the
 * embedded demo bundle. NULL with an error when neither is trusted. */
BakenContext *baken_context_load        (BakenConfig   *config,
                                         GError       **error);

BakenConfig  *baken_context_get_config  (BakenContext  *self);
/* (nullable): NULL only while a kiosk from baken_context_new_for_content () has no
 * trusted content; the window then shows that it is being prepared. It changes when
 * the window applies an update (BakenKioskContent::notify::catalog). */
BakenCatalog *baken_context_get_catalog (BakenContext  *self);
/* Where slips go: the "printer" construct property, else a folder printer when the
 * environment sets BAKEN_PRINT_TO_DIR (development and tests only: each slip becomes
 * a PDF in that folder), else CUPS: config->printer or the CUPS default, with
 * config->print_timeout. */
BakenPrinter *baken_context_get_printer (BakenContext  *self);
/* (nullable): NULL for baken_context_new (). */
BakenKioskContent *baken_context_get_content (BakenContext *self);
/* The kiosk's one clock: that of the content, else the system clock. A test may make
 * it stand still at any moment (baken_clock_set_fixed ()). */
BakenClock   *baken_context_get_clock   (BakenContext  *self);
/* Now, from that clock, in Europe/Amsterdam. */
GDateTime    *baken_context_dup_now     (BakenContext  *self);

/* The languages of [kiosk] languages that the content speaks well enough to offer
 * ([kiosk] language-coverage), Dutch first; read once, with the content at hand. */
const char * const *baken_context_get_languages (BakenContext *self);
/* The first of them ("nl" when there are none): every resident starts in it. */
const char         *baken_context_get_default_language (BakenContext *self);
/* The state DB (nullable): the print log and the staff PIN lock survive a restart in
 * it. Set it before the staff session is first asked for. */
void               baken_context_set_state    (BakenContext    *self,
                                               BakenState      *state);
BakenState        *baken_context_get_state    (BakenContext    *self);
/* Staff mode (never NULL): from [staff] pin-hash, with its lock in the state DB. */
BakenStaffSession *baken_context_get_staff    (BakenContext    *self);
/* STAFF while staff mode is on, else PUBLIC: what a page asks the catalog for. */
BakenAudience      baken_context_get_audience (BakenContext    *self);
/* One line in the print log: when, the paper, how it ended (never what was printed);
 * a slip that came out is counted (resident or handover). */
void               baken_context_record_print (BakenContext    *self,
                                               BakenPrintState  outcome,
                                               gboolean         handover);

/* The monitor (nullable): the kiosk's anonymous daily counts and reports. Setting it
 * tells it the content shown; baken_context_record_print () tells it the printer. */
void               baken_context_set_monitor  (BakenContext    *self,
                                               BakenMonitor    *monitor);
BakenMonitor      *baken_context_get_monitor  (BakenContext    *self);
/* The one way the UI counts (baken_monitor_count ()): nothing without a monitor, and
 * nothing while staff mode is on (staff are not residents), but for a handover slip. */
void               baken_context_count        (BakenContext    *self,
                                               BakenCountKind   kind,
                                               const char      *key,
                                               const char      *detail);

/* A resident's slip of service_id came out: its public ways of contact, by kind. */
void               baken_context_count_slip_channels (BakenContext *self,
                                                      const char   *service_id);

G_END_DECLS
