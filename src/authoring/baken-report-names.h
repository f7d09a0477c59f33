/* baken-report-names.h: names of life events and services from a bundle (baken-report)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reports carry ids only. Given the bundle the kiosks run, the report shows "Ik heb
 * schulden" instead of "le-schulden", and a service with its organisation.
 */
#pragma once

#include <glib.h>

#include "baken-report-tally.h"

G_BEGIN_DECLS

typedef struct _BakenReportNames BakenReportNames;

/* Opens the content DB at path (a bundle folder or the .sqlite file itself); names come
 * in lang, falling back to Dutch. */
BakenReportNames *baken_report_names_new    (const char        *path,
                                             const char        *lang,
                                             GError           **error);
void              baken_report_names_free   (BakenReportNames  *self);

/* The name of key in list (life events, situations and services have names), or NULL
 * when the bundle does not know it. self may be NULL: no names. */
const char       *baken_report_names_lookup (BakenReportNames  *self,
                                             BakenReportList    list,
                                             const char        *key);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BakenReportNames, baken_report_names_free)

G_END_DECLS
