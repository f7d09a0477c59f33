/* baken-lint-dutch.h: is there Dutch text where residents need it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "baken-lint-context.h"

G_BEGIN_DECLS

/* dutch-text: a shown service without a Dutch description, a translation of a text
 * that has no Dutch (errors). */
void baken_lint_check_dutch_text (BakenLintContext *lint);

G_END_DECLS
