/* baken-search-numbers.h: phone numbers and postcodes as search finds them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * People write a number in groups, each their own way: "030 555 01 23", "030-5550123",
 * "0305550123", "+31 30 555 01 23"; a postcode as "1234 AB" or "1234AB". Search should
 * not care. baken_search_numbers_join () writes every such number as one word of digits
 * (and the postcode's letters): "0305550123", "1234AB". The content builder adds these
 * words to the search text of the services that carry the number, and search rewrites
 * the typed text the same way before it splits it into terms, so both sides agree.
 *
 * What is joined (ASCII digits only; other text is copied unchanged):
 * - a phone number: digit groups separated by one space or hyphen, starting with 0 or +
 *   (every Dutch number does; other numbers in a sentence, "12 1234", stay apart);
 *   "+31" and "0031" become "0" (also in a number written as one group);
 * - a postcode: four digits (not starting with 0), one space, one or two letters at the
 *   end of a word ("1234 A" while it is still being typed).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *baken_search_numbers_join (const char *text);

G_END_DECLS
