/* baken-inspect-source.h: a human summary of a content source folder (baken-bundle
 * inspect SRC)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Whether path is a content source folder (it holds datapackage.json). */
gboolean  baken_inspect_is_source (const char  *path);

/* Summarises the content source in the folder path: publisher, region, languages, the
 * number of problems, the rows per table, and per language how much of the Dutch is
 * translated, how many translations are fuzzy (made from an older Dutch text) and how
 * many have no source_hash:
 *
 *   Translations (of 562 Dutch texts that can be translated):
 *     ar   85%   479 translated, 2 fuzzy, 0 without source hash
 *
 * Returns NULL (error set) when path is not a folder. */
char     *baken_inspect_source    (const char  *path,
                                   GError     **error);

G_END_DECLS
