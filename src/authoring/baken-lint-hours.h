/* baken-lint-hours.h: opening hours that would mislead
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "baken-lint-context.h"

G_BEGIN_DECLS

/* hours-long, hours-holidays and hours-overlap, per owner of weekly slots (warnings). */
void baken_lint_check_hours (BakenLintContext *lint);

G_END_DECLS
