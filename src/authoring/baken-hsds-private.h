/* baken-hsds-private.h: what the HSDS export and import files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Only the baken-hsds*.c files include this. baken-hsds.c has the helpers both export
 * and import use; baken-hsds-import.c reads the package into HTables and runs the import;
 * baken-hsds-import-map.c maps the HTables to the tables of a content source.
 */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

#include "baken-hsds.h"

G_BEGIN_DECLS

/* The HSDS schema and the import's icon, compiled in (baken-authoring.gresource.xml). */
GResource *baken_authoring_get_resource (void);

#define ALL_EVENT_ICON   "alle-diensten"

/* Notes, the official schema (baken-hsds.c) */

void        _baken_hsds_add_note        (GPtrArray   *notes,
                                         const char  *format,
                                         ...) G_GNUC_PRINTF (2, 3);
GHashTable *_baken_hsds_load_official   (JsonParser **parser_out);
JsonArray  *_baken_hsds_official_fields (JsonObject  *resource);

/* CSV output (baken-hsds.c) */

typedef struct
{
  const char *hsds_file;   /* the import's source of the record, or NULL */
  guint       hsds_line;
  gpointer    table;       /* HTable * */
  gpointer    row;         /* HRow * */
  guint       out_line;
} Origin;

typedef struct
{
  char      *file;
  char      *resource;
  GPtrArray *columns;      /* (element-type utf8) */
  GString   *text;
  guint      line;         /* the line the next record starts on */
  guint      n_rows;
  GArray    *origins;      /* of Origin, by out_line */
} OutTable;

void        _baken_hsds_out_table_free (OutTable          *t);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OutTable, _baken_hsds_out_table_free)

OutTable   *_baken_hsds_out_table_new  (const char        *file,
                                        const char        *resource,
                                        const char *const *columns,
                                        JsonArray         *fields);
void        _baken_hsds_out_table_add  (OutTable          *t,
                                        GHashTable        *values,
                                        Origin            *origin);
GHashTable *_baken_hsds_record_new     (void);
void        _baken_hsds_set            (GHashTable        *record,
                                        const char        *column,
                                        const char        *value);
void        _baken_hsds_set_take       (GHashTable        *record,
                                        const char        *column,
                                        char              *value);

/* Writing the output folder (baken-hsds.c) */

void      _baken_hsds_remove_tree     (const char  *path);
gboolean  _baken_hsds_check_out_dir   (const char  *out_dir,
                                       GError     **error);
char     *_baken_hsds_make_tmp_dir    (const char  *out_dir,
                                       GError     **error);
gboolean  _baken_hsds_write_file      (const char  *dir,
                                       const char  *name,
                                       const char  *data,
                                       gsize        length,
                                       GError     **error);
gboolean  _baken_hsds_write_tables    (const char  *dir,
                                       GPtrArray   *tables,
                                       GError     **error);
gboolean  _baken_hsds_write_json      (const char  *dir,
                                       JsonNode    *root,
                                       GError     **error);
gboolean  _baken_hsds_move_into_place (const char  *tmp_dir,
                                       const char  *out_dir,
                                       GError     **error);

/* Times (baken-hsds.c) */

gboolean  _baken_hsds_parse_hsds_time (const char  *text,
                                       int         *minutes,
                                       gboolean    *exact);
char     *_baken_hsds_format_minutes  (int          minutes,
                                       gboolean     seconds);

/* The package being imported (baken-hsds-import.c) */

typedef struct
{
  guint   line;
  char  **fields;     /* n_header strings; "" when empty, NULL when unreadable */
  guint  *lines;
} HRow;

typedef struct
{
  char       *resource;
  char       *file;       /* relative to the package folder */
  JsonObject *official;   /* the official resource, NULL when HSDS has no such resource */
  GPtrArray  *header;     /* (element-type utf8) */
  GHashTable *columns;    /* name → index + 1 */
  GPtrArray  *rows;       /* of HRow */
  GHashTable *by_id;      /* id → HRow */
  GHashTable *kept;       /* ids written to the output */
} HTable;

typedef struct
{
  const char *path;
  GHashTable *official;     /* resource → JsonObject */
  GPtrArray  *tables;       /* of HTable, in package order */
  GHashTable *by_resource;  /* resource → HTable */
  GPtrArray  *notes;
  GPtrArray  *problems;
  char       *title;        /* of the package, or NULL */
  char       *publisher;    /* its contributor with the role publisher, or NULL */
  GPtrArray  *out;          /* of OutTable */
} Import;

int         _baken_hsds_hcolumn   (HTable     *t,
                                   const char *name);
const char *_baken_hsds_hget      (HTable     *t,
                                   HRow       *row,
                                   const char *name);
void        _baken_hsds_hposition (HTable     *t,
                                   HRow       *row,
                                   const char *name,
                                   guint      *line,
                                   guint      *column);

/* Mapping it to a content source (baken-hsds-import-map.c) */

HTable   *_baken_hsds_table_of                   (Import     *imp,
                                                  const char *resource);
void      _baken_hsds_import_organizations       (Import     *imp);
void      _baken_hsds_import_locations           (Import     *imp);
void      _baken_hsds_import_addresses           (Import     *imp);
void      _baken_hsds_import_services            (Import     *imp);
void      _baken_hsds_import_service_at_location (Import     *imp);
void      _baken_hsds_import_phones              (Import     *imp);
void      _baken_hsds_import_schedules           (Import     *imp);
void      _baken_hsds_import_required_documents  (Import     *imp);
void      _baken_hsds_import_languages           (Import     *imp);
void      _baken_hsds_import_accessibility       (Import     *imp);
void      _baken_hsds_import_life_event          (Import     *imp);
JsonNode *_baken_hsds_import_datapackage         (Import     *imp);
char     *_baken_hsds_map_back                   (Import     *imp,
                                                  const char *text);

G_END_DECLS
