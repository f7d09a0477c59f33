/* baken-content-source.h: load and check a content source folder
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A content source (docs/content-format.md) is loaded once: datapackage.json, every CSV
 * table and the icons its life events name. Loading checks everything `baken-bundle
 * build` checks and keeps each problem with its file, line and column. The loaded tables
 * stay readable afterwards, also when there were problems (a value that was bad reads as
 * NULL), so tools such as `baken-bundle lint` and `export-hsds` work on the same model
 * as the build.
 *
 * Rows are numbered 0 … n-1 in file order; unreadable records (a quoting mistake, a
 * wrong number of fields) are not rows. Columns are numbered in the order of the format
 * description; find one by name with baken_content_source_column ().
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The tables of the format, in this order. */
typedef enum {
  BAKEN_SOURCE_ORGANIZATION,
  BAKEN_SOURCE_SERVICE,
  BAKEN_SOURCE_LOCATION,
  BAKEN_SOURCE_ADDRESS,
  BAKEN_SOURCE_SERVICE_AT_LOCATION,
  BAKEN_SOURCE_PHONE,
  BAKEN_SOURCE_SCHEDULE,
  BAKEN_SOURCE_REQUIRED_DOCUMENT,
  BAKEN_SOURCE_LANGUAGE,
  BAKEN_SOURCE_ACCESSIBILITY,
  BAKEN_SOURCE_LIFE_EVENT,
  BAKEN_SOURCE_LIFE_EVENT_SERVICE,
  BAKEN_SOURCE_CHANNEL,
  BAKEN_SOURCE_SCHEDULE_EXCEPTION,
  BAKEN_SOURCE_SYNONYM,
  BAKEN_SOURCE_TRANSLATION,
  BAKEN_SOURCE_TAXONOMY_MENU,
  BAKEN_SOURCE_N_TABLES
} BakenSourceTable;

typedef struct _BakenContentSource BakenContentSource;

/* The format itself. */
const char         *baken_content_source_table_file        (BakenSourceTable     table);
const char         *baken_content_source_table_resource    (BakenSourceTable     table);
guint               baken_content_source_table_n_columns   (BakenSourceTable     table);
const char         *baken_content_source_column_name       (BakenSourceTable     table,
                                                            guint                column);
/* The column number of name, or -1 when the table has no such column. */
int                 baken_content_source_column            (BakenSourceTable     table,
                                                            const char          *name);
/* Whether the column holds resident-facing Dutch text (B1 rules apply). */
gboolean            baken_content_source_column_is_text    (BakenSourceTable     table,
                                                            guint                column);
/* Whether every record must have a value in the column. */
gboolean            baken_content_source_column_is_required (BakenSourceTable    table,
                                                             guint               column);
/* The table the column refers to (its values are ids there), or -1. */
int                 baken_content_source_column_ref        (BakenSourceTable     table,
                                                            guint                column);
/* Whether translations.csv may translate the column. */
gboolean            baken_content_source_column_is_translatable (BakenSourceTable table,
                                                                 guint            column);

/* Parses a byday list ("MO,TU,FR", "MO,TU,WE,TH,FR,SA,SU,PH", "PH") into a BakenDays
 * mask, bit 0 = Monday, PH = BAKEN_DAY_HOLIDAY. FALSE for an empty list, an unknown or
 * repeated day. */
gboolean            baken_content_source_parse_byday       (const char          *text,
                                                            guint               *out);

/* Loads and checks the source folder src_dir. Returns NULL (error set,
 * BAKEN_CONTENT_ERROR_SOURCE) only when src_dir is not a folder; problems in the content
 * are kept in the result (see baken_content_source_get_problems ()). */
BakenContentSource *baken_content_source_load              (const char          *src_dir,
                                                            GError             **error);
void                baken_content_source_free              (BakenContentSource  *self);

const char         *baken_content_source_get_dir           (BakenContentSource  *self);
/* Every problem as "FILE:LINE:COLUMN: MESSAGE", FILE relative to the folder, sorted
 * (datapackage.json first, then by file, line and column). Empty when the source builds. */
GPtrArray          *baken_content_source_get_problems      (BakenContentSource  *self);

/* baken.publisher and baken.region of datapackage.json (NULL when missing). */
const char         *baken_content_source_get_publisher     (BakenContentSource  *self);
const char         *baken_content_source_get_region        (BakenContentSource  *self);

/* Whether the table's file exists. */
gboolean            baken_content_source_has_table         (BakenContentSource  *self,
                                                            BakenSourceTable     table);
guint               baken_content_source_get_n_rows        (BakenContentSource  *self,
                                                            BakenSourceTable     table);
/* The value of a field: NULL when empty, absent from the file or not valid. */
const char         *baken_content_source_get               (BakenContentSource  *self,
                                                            BakenSourceTable     table,
                                                            guint                row,
                                                            guint                column);
/* Where a field is: its physical line and its field number (as in problems). For a
 * column the file does not have: the line of the record, and one past the last column. */
void                baken_content_source_get_position      (BakenContentSource  *self,
                                                            BakenSourceTable     table,
                                                            guint                row,
                                                            guint                column,
                                                            guint               *line,
                                                            guint               *file_column);
/* The row with this id, or -1. For life_event_service the id is "EVENT_ID/SERVICE_ID". */
int                 baken_content_source_find              (BakenContentSource  *self,
                                                            BakenSourceTable     table,
                                                            const char          *id);
/* The translation of a text field into lang (not "nl"), or NULL. */
const char         *baken_content_source_get_translation   (BakenContentSource  *self,
                                                            BakenSourceTable     table,
                                                            const char          *id,
                                                            const char          *field,
                                                            const char          *lang);
/* The row of translations.csv that translates a text field into lang, or -1. */
int                 baken_content_source_find_translation  (BakenContentSource  *self,
                                                            BakenSourceTable     table,
                                                            const char          *id,
                                                            const char          *field,
                                                            const char          *lang);
/* The source_hash of a Dutch text ("sha256:" and 12 hexadecimal digits; line breaks
 * count as LF), which translations.csv keeps beside a translation to tell which Dutch
 * it was made from. */
char               *baken_content_source_hash_text         (const char          *text);
/* Whether text is a source_hash of that form. */
gboolean            baken_content_source_is_text_hash      (const char          *text);
/* Every content language, sorted, "nl" included. Free with g_ptr_array_unref (). */
GPtrArray          *baken_content_source_get_languages     (BakenContentSource  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BakenContentSource, baken_content_source_free)

G_END_DECLS
