/* baken-lint-dates.h: when a service was last checked
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "baken-lint-context.h"

G_BEGIN_DECLS

/* assured-date: older than lint->max_age_days before lint->today, or after it
 * (warning). */
void baken_lint_check_assured_dates (BakenLintContext *lint);

G_END_DECLS
