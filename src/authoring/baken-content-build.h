/* baken-content-build.h: compile a content source folder into a content DB
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  guint64     serial;      /* meta.serial; 0 = derive from the time of the build */
  const char *created;     /* ISO 8601 UTC; NULL = now */
  const char *expires;     /* ISO 8601 UTC; NULL = none */
  guint       root_version; /* a bundle's manifest: the root keys document version whose
                             * content keys sign it (baken-root.h); 0 = none (format 1) */
} BakenBuildOptions;

/* What the build writes, beyond the plain column mapping (docs/content-format.md):
 *
 * - Problems are "FILE:LINE:COLUMN: MESSAGE", FILE relative to src_dir (datapackage.json,
 *   services.csv, icons/NAME.svg), LINE the physical line, COLUMN the field number in
 *   its row for CSV files (the character column for JSON and SVG). Sorted: datapackage.json
 *   first, then by file name, line and column.
 * - meta keys: created, expires (when given), format, publisher, region, schema_version,
 *   serial. options->serial 0 means the created time as the number YYYYMMDDHHMMSS (UTC).
 * - channel.position, when the CSV leaves it empty: a phone gets its row number in
 *   phones.csv (1, 2, …), a channel the number of phones plus its row number in
 *   channels.csv; so by default phones come first, in file order.
 *   required_document.position likewise defaults to the row number.
 * - Every *_text table has a Dutch row for every record (text columns NULL when empty)
 *   and one more row per language that has a translation of any field of that record,
 *   with the untranslated fields NULL. location_text.accessibility is the descriptions of
 *   accessibility.csv joined with "; "; in another language only when every one of them
 *   is translated (else NULL, so the Dutch text shows whole).
 * - life_event.question is NULL when empty: the UI supplies "Wat past het best bij u?".
 * - search has one row per record (life_event, service, organization) and per content
 *   language (nl plus every language in translations.csv or synonyms.csv), each field
 *   falling back to Dutch, so `WHERE lang = ?` always covers every record. Life events:
 *   title, body = summary + body, terms = synonyms in that language plus the Dutch ones.
 *   Services: title = name, body = description + organisation name, terms =
 *   alternate_name. Organisations: title = name, body = description, terms =
 *   alternate_name. Services of every status are indexed; the catalog filters.
 * - icon holds the icons that life events name (checked: <svg root, square viewBox,
 *   at most 64 KiB, no script, entity, foreignObject, event handler or outside reference).
 *
 * Reads every file of the source folder src_dir, checks it, and writes the content DB to
 * out_path (via a temporary file in the same folder, renamed into place only when
 * everything succeeded: a failed build writes nothing).
 *
 * On failure returns FALSE, sets error (BAKEN_CONTENT_ERROR_SOURCE) to a summary and, when
 * problems is not NULL, appends to it one "file:line:column: message" string per problem
 * found (all of them, not just the first). */
gboolean baken_content_build (const char              *src_dir,
                              const char              *out_path,
                              const BakenBuildOptions *options,
                              GPtrArray               *problems,
                              GError                 **error);

G_END_DECLS
