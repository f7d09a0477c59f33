/* baken-lint-icons.h: files in icons/ that no life event uses
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "baken-lint-context.h"

G_BEGIN_DECLS

/* icon-unused: a file in icons/ that is not an SVG or that no life event names
 * (warning). */
void baken_lint_check_icons (BakenLintContext *lint);

G_END_DECLS
