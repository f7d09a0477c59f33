/* baken-bundle-report.h: how each check of a bundle verification went, for its caller
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every step of baken_bundle_verify () (baken-bundle.c, baken-bundle-db.c,
 * baken-bundle-icons.c) ends in exactly one of these: a pass with a one-line detail, or
 * a failure that sets the BakenBundleError and tells the caller's BakenBundleCheckFunc.
 */
#pragma once

#include <glib.h>

#include "baken-bundle.h"

G_BEGIN_DECLS

typedef struct
{
  BakenBundleCheckFunc  check_func;  /* (nullable) */
  gpointer              user_data;
} BakenBundleReport;

/* Reports check as failed with the message and sets error (BAKEN_BUNDLE_ERROR, code).
 * Returns FALSE, so a step can end with return baken_bundle_report_fail (…). */
gboolean baken_bundle_report_fail (BakenBundleReport  *report,
                                   const char         *check,
                                   GError            **error,
                                   int                 code,
                                   const char         *format,
                                   ...) G_GNUC_PRINTF (5, 6);
/* Reports check as passed, with the detail. */
void     baken_bundle_report_pass (BakenBundleReport  *report,
                                   const char         *check,
                                   const char         *format,
                                   ...) G_GNUC_PRINTF (3, 4);

G_END_DECLS
