/* baken-lint-contacts.h: phone numbers and web addresses
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "baken-lint-context.h"

G_BEGIN_DECLS

/* phone: a number that is not a Dutch or +CC international number (error; see
 * baken_lint_phone_is_valid ()). */
void baken_lint_check_phones (BakenLintContext *lint);
/* url: a web address with a malformed host name (error); url-https: one for residents
 * with http:// (warning). */
void baken_lint_check_urls   (BakenLintContext *lint);

G_END_DECLS
