/* baken-lint-b1.h: plain Dutch at level B1
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "baken-lint-context.h"

G_BEGIN_DECLS

/* In every resident-facing Dutch text: sentence-length (over 15 words), word-length
 * (over 22 letters), jargon (with a plainer word) and abbreviation; in life-event titles:
 * tile-label (5 words). All warnings. */
void baken_lint_check_texts (BakenLintContext *lint);

G_END_DECLS
