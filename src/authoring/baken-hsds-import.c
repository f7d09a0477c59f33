/* baken-hsds-import.c: import an HSDS 3.0 tabular package
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Import reads the HSDS CSV files (baken-hsds-import-read.c), checks them against the
 * official schema (-check.c), maps what maps (-map.c, -schedules.c), writes our source
 * format with its datapackage.json (-datapackage.c), and then loads what it wrote with
 * the build's loader. What the loader refuses is traced back to the HSDS record it came
 * from (-out.c): that value is dropped, or that record left out, and the mapping runs
 * again, until the loader takes it all.
 */
#define G_LOG_DOMAIN "baken-hsds"

#include "config.h"

#include "baken-hsds.h"

#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "baken-authoring-resources.h"
#include "baken-content-source.h"
#include "baken-hsds-import-check.h"
#include "baken-hsds-import-datapackage.h"
#include "baken-hsds-import-into.h"
#include "baken-hsds-import-map.h"
#include "baken-hsds-import-menu.h"
#include "baken-hsds-import-out.h"
#include "baken-hsds-import-read.h"
#include "baken-hsds-import-schedules.h"
#include "baken-hsds-import-sources.h"
#include "baken-hsds-import-tables.h"
#include "baken-hsds-out-dir.h"
#include "baken-hsds-out-table.h"
#include "baken-hsds-schema.h"

#define ICON_RESOURCE    "/nl/baken/authoring/hsds/alle-diensten.svg"
/* Each round leaves out or drops at least one thing; a package needing more rounds than
 * this has a problem import does not understand. */
#define MAX_ROUNDS       16

BakenHsdsImportReport *
baken_hsds_import_report_new (void)
{
  BakenHsdsImportReport *report = g_new0 (BakenHsdsImportReport, 1);

  report->notes = g_ptr_array_new_with_free_func (g_free);
  report->warnings = g_ptr_array_new_with_free_func (g_free);
  report->errors = g_ptr_array_new_with_free_func (g_free);
  report->problems = g_ptr_array_new_with_free_func (g_free);
  report->unplaced = g_ptr_array_new_with_free_func (g_free);
  report->menu_notes = g_ptr_array_new_with_free_func (g_free);
  report->conflicts = g_ptr_array_new_with_free_func (g_free);
  return report;
}

void
baken_hsds_import_report_free (BakenHsdsImportReport *report)
{
  if (report == NULL)
    return;

  g_ptr_array_unref (report->notes);
  g_ptr_array_unref (report->warnings);
  g_ptr_array_unref (report->errors);
  g_ptr_array_unref (report->problems);
  g_ptr_array_unref (report->unplaced);
  g_ptr_array_unref (report->menu_notes);
  g_ptr_array_unref (report->conflicts);
  g_free (report);
}

/* "FILE:LINE:COLUMN: …" by file, then line and column. */
static int
compare_positioned (gconstpointer a,
                    gconstpointer b)
{
  const char *x = *(const char *const *) a, *y = *(const char *const *) b;
  const char *xc = strchr (x, ':'), *yc = strchr (y, ':');
  gsize xl = xc != NULL ? (gsize) (xc - x) : strlen (x);
  gsize yl = yc != NULL ? (gsize) (yc - y) : strlen (y);
  int by_file = strncmp (x, y, MIN (xl, yl));
  guint64 xn[2] = { 0, 0 }, yn[2] = { 0, 0 };

  if (by_file != 0 || xl != yl)
    return by_file != 0 ? by_file : (xl < yl ? -1 : 1);
  if (xc != NULL && yc != NULL)
    {
      char *end;

      xn[0] = g_ascii_strtoull (xc + 1, &end, 10);
      xn[1] = *end == ':' ? g_ascii_strtoull (end + 1, NULL, 10) : 0;
      yn[0] = g_ascii_strtoull (yc + 1, &end, 10);
      yn[1] = *end == ':' ? g_ascii_strtoull (end + 1, NULL, 10) : 0;
    }
  for (guint i = 0; i < 2; i++)
    if (xn[i] != yn[i])
      return xn[i] < yn[i] ? -1 : 1;

  return 0;
}

/* With --strict every warning and error is a problem. */
static gboolean
strict_stops (Import *imp)
{
  if (!imp->strict || (imp->warnings->len == 0 && imp->errors->len == 0))
    return FALSE;

  for (guint i = 0; i < imp->errors->len; i++)
    g_ptr_array_add (imp->problems, g_strdup (g_ptr_array_index (imp->errors, i)));
  for (guint i = 0; i < imp->warnings->len; i++)
    g_ptr_array_add (imp->problems, g_strdup (g_ptr_array_index (imp->warnings, i)));
  g_ptr_array_set_size (imp->errors, 0);
  g_ptr_array_set_size (imp->warnings, 0);
  return TRUE;
}

/* Maps every kept record to the tables of a content source (imp->out). */
static void
map_records (Import *imp)
{
  g_ptr_array_set_size (imp->out, 0);
  for (guint i = 0; i < imp->tables->len; i++)
    g_hash_table_remove_all (((HTable *) g_ptr_array_index (imp->tables, i))->kept);

  baken_hsds_import_organizations (imp);
  baken_hsds_import_locations (imp);
  baken_hsds_import_addresses (imp);
  baken_hsds_import_services (imp);
  baken_hsds_import_service_at_location (imp);
  baken_hsds_import_phones (imp);
  baken_hsds_import_schedules (imp);
  baken_hsds_import_required_documents (imp);
  baken_hsds_import_languages (imp);
  baken_hsds_import_accessibility (imp);
  if (imp->menu != NULL)
    {
      baken_hsds_import_menu (imp);
    }
  else
    {
      baken_hsds_import_life_event (imp);
      baken_hsds_note_terms (imp);
    }
}

static gboolean
write_source (Import      *imp,
              const char  *dir,
              GError     **error)
{
  g_autofree char *icons_dir = g_build_filename (dir, "icons", NULL);
  g_autoptr(GBytes) icon = NULL;
  g_autoptr(JsonNode) root = baken_hsds_import_datapackage (imp);
  gsize icon_size;
  const char *icon_data;

  if (g_mkdir (icons_dir, 0755) != 0)
    {
      g_set_error (error, BAKEN_HSDS_ERROR, BAKEN_HSDS_ERROR_WRITE, "cannot create %s",
                   icons_dir);
      return FALSE;
    }
  if (imp->menu != NULL)
    {
      if (!baken_hsds_menu_write_icons (imp->menu, icons_dir, error))
        return FALSE;
    }
  else
    {
      icon = g_resource_lookup_data (baken_authoring_get_resource (), ICON_RESOURCE,
                                     G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
      g_assert (icon != NULL);
      icon_data = g_bytes_get_data (icon, &icon_size);
      if (!baken_hsds_write_file (icons_dir, BAKEN_HSDS_ALL_EVENT_ICON ".svg", icon_data,
                                  icon_size, error))
        return FALSE;
    }

  return baken_hsds_write_tables (dir, imp->out, error) &&
         baken_hsds_write_json (dir, root, error);
}

/* Drops the value, or leaves out the record, that a problem of the written source came
 * from (a record from HSDS). */
static void
settle (Import     *imp,
        const char *problem)
{
  Trace trace;
  int table = -1, column = -1;

  if (!baken_hsds_trace (imp, problem, &trace))
    g_assert_not_reached ();

  for (guint t = 0; t < BAKEN_SOURCE_N_TABLES; t++)
    if (strcmp (baken_content_source_table_file (t), trace.out_file) == 0)
      table = (int) t;
  if (table >= 0 && trace.out_column_name != NULL)
    column = baken_content_source_column (table, trace.out_column_name);

  if (trace.field != NULL && column >= 0 && !baken_content_source_column_is_required (table, column))
    baken_hsds_import_drop_value (imp, trace.table, trace.row, trace.field,
                                  "%s (Baken cannot take this value)", trace.message);
  else
    baken_hsds_import_reject (imp, trace.table, trace.row, trace.field,
                              "%s (Baken cannot take this value)", trace.message);

  baken_hsds_trace_clear (&trace);
}

/* Maps, writes to tmp_dir and loads what was written, until the loader takes it all.
 * FALSE with imp->problems, or error. */
static gboolean
map_until_settled (Import      *imp,
                   const char  *tmp_dir,
                   GPtrArray   *notes,
                   GError     **error)
{
  HTable *services = baken_hsds_table_of (imp, "service");

  for (guint round = 0; round < MAX_ROUNDS; round++)
    {
      g_autoptr(GPtrArray) round_notes = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(BakenContentSource) check = NULL;
      GPtrArray *check_problems;
      guint n_settled = 0;

      baken_hsds_resolve_references (imp);
      if (strict_stops (imp))
        return FALSE;
      if (services->rows->len == 0)
        {
          baken_hsds_import_problem (imp, services->file, 1, 1,
                                     "none of the %u services could be imported (see the "
                                     "errors above)", services->left_out->len);
          return FALSE;
        }

      imp->notes = round_notes;
      map_records (imp);
      baken_hsds_remove_tree (tmp_dir);
      if (g_mkdir (tmp_dir, 0700) != 0 || !write_source (imp, tmp_dir, error))
        {
          if (error != NULL && *error == NULL)
            g_set_error (error, BAKEN_HSDS_ERROR, BAKEN_HSDS_ERROR_WRITE, "cannot write %s",
                         tmp_dir);
          return FALSE;
        }

      check = baken_content_source_load (tmp_dir, error);
      if (check == NULL)
        return FALSE;
      check_problems = baken_content_source_get_problems (check);
      if (check_problems->len == 0)
        {
          g_ptr_array_extend_and_steal (notes, g_steal_pointer (&round_notes));
          return TRUE;
        }

      /* With --strict each is a problem; else the value is dropped or the record left
       * out. What import made itself (the life event's list of services) follows the
       * records: a problem there counts only when no record was at fault. */
      for (guint pass = 0; pass < 2 && imp->problems->len == 0 && n_settled == 0; pass++)
        for (guint i = 0; i < check_problems->len; i++)
          {
            const char *problem = g_ptr_array_index (check_problems, i);
            Trace trace;
            gboolean traced = baken_hsds_trace (imp, problem, &trace);

            baken_hsds_trace_clear (&trace);
            if (traced != (pass == 0))
              continue;
            if (imp->strict || !traced)
              g_ptr_array_add (imp->problems, baken_hsds_map_back (imp, problem));
            else
              {
                settle (imp, problem);
                n_settled++;
              }
          }
      if (imp->problems->len > 0)
        return FALSE;
    }

  baken_hsds_import_problem (imp, "datapackage.json", 1, 1,
                             "import did not settle after %d rounds of leaving out what Baken "
                             "cannot take; please report this package", MAX_ROUNDS);
  return FALSE;
}

gboolean
baken_hsds_import (const char                   *path,
                   const char                   *out_dir,
                   const BakenHsdsImportOptions *options,
                   BakenHsdsImportReport        *report,
                   GError                      **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GHashTable) official = NULL;
  g_autoptr(GPtrArray) tables =
    g_ptr_array_new_with_free_func ((GDestroyNotify) baken_hsds_htable_free);
  g_autoptr(GHashTable) by_resource = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) out =
    g_ptr_array_new_with_free_func ((GDestroyNotify) baken_hsds_out_table_free);
  g_autoptr(BakenHsdsImportReport) own_report = NULL;
  g_autofree char *tmp_dir = NULL;
  g_autofree char *title = NULL;
  g_autofree char *publisher = NULL;
  g_autoptr(GStringChunk) strings = g_string_chunk_new (4096);
  g_autoptr(BakenHsdsMenu) menu = NULL;
  g_autoptr(BakenHsdsProvenance) provenance = NULL;
  const char *into;
  gboolean ok;
  Import imp = { 0, };

  g_return_val_if_fail (out_dir != NULL || (options != NULL && options->into != NULL), FALSE);
  g_return_val_if_fail (path != NULL || (options != NULL && options->url != NULL), FALSE);

  if (report == NULL)
    report = own_report = baken_hsds_import_report_new ();

  official = baken_hsds_load_official (&parser);
  imp.path = path != NULL ? path : options->url;
  imp.strings = strings;
  imp.official = official;
  imp.tables = tables;
  imp.by_resource = by_resource;
  imp.notes = report->notes;
  imp.warnings = report->warnings;
  imp.errors = report->errors;
  imp.problems = report->problems;
  imp.strict = options != NULL && options->strict;
  imp.unplaced = report->unplaced;
  imp.menu_notes = report->menu_notes;
  into = options != NULL ? options->into : NULL;
  if (into != NULL)
    {
      /* The menu is the source's own; what the last import wrote says what is the
       * editor's. */
      out_dir = into;
      provenance = baken_hsds_provenance_load (into);
    }
  if (options != NULL && (options->menu != NULL || into != NULL))
    {
      menu = baken_hsds_menu_load (into != NULL ? into : options->menu, into == NULL, error);
      if (menu == NULL)
        return FALSE;
      baken_hsds_menu_restore (menu, provenance);
      imp.menu = menu;
    }
  imp.out = out;

  if (options != NULL && options->url != NULL)
    ok = baken_hsds_read_api (&imp, options->url,
                              options->timeout_s > 0 ? options->timeout_s
                                                     : BAKEN_HSDS_API_TIMEOUT_S, error);
  else if (baken_hsds_is_json_source (path))
    ok = baken_hsds_read_json_path (&imp, error);
  else
    ok = baken_hsds_read_package (&imp, error);
  if (!ok)
    return FALSE;
  title = imp.title;
  publisher = imp.publisher;

  for (guint i = 0; i < tables->len; i++)
    {
      HTable *t = g_ptr_array_index (tables, i);

      if (baken_hsds_import_reads (t->resource))
        baken_hsds_check_table (&imp, t);
    }
  if (baken_hsds_table_of (&imp, "organization") == NULL ||
      baken_hsds_table_of (&imp, "service") == NULL)
    baken_hsds_import_problem (&imp, "datapackage.json", 1, 1,
                               "the package has no %s resource; Baken needs organizations and "
                               "services",
                               baken_hsds_table_of (&imp, "organization") == NULL
                                 ? "organization" : "service");

  if (imp.problems->len > 0)
    goto failed;

  if (into == NULL && !baken_hsds_check_out_dir (out_dir, error))
    return FALSE;

  baken_hsds_note_unread (&imp);

  tmp_dir = baken_hsds_make_tmp_dir (out_dir, error);
  if (tmp_dir == NULL)
    return FALSE;
  if (!map_until_settled (&imp, tmp_dir, report->notes, error))
    {
      imp.notes = report->notes;
      baken_hsds_remove_tree (tmp_dir);
      if (error != NULL && *error != NULL)
        return FALSE;
      goto failed;
    }
  imp.notes = report->notes;

  report->n_services = g_hash_table_size (baken_hsds_table_of (&imp, "service")->kept);

  if (!baken_hsds_write_provenance (tmp_dir, menu, error))
    {
      baken_hsds_remove_tree (tmp_dir);
      return FALSE;
    }
  if (into != NULL)
    {
      ok = baken_hsds_finish_into (tmp_dir, into, provenance, report->conflicts,
                                   report->menu_notes, report->problems, error);
      baken_hsds_remove_tree (tmp_dir);
      if (!ok)
        return FALSE;
    }
  else if (!baken_hsds_move_into_place (tmp_dir, out_dir, error))
    {
      baken_hsds_remove_tree (tmp_dir);
      return FALSE;
    }

  g_ptr_array_sort (report->warnings, compare_positioned);
  g_ptr_array_sort (report->errors, compare_positioned);
  return TRUE;

failed:
  g_ptr_array_sort (imp.problems, compare_positioned);
  g_set_error (error, BAKEN_HSDS_ERROR, BAKEN_HSDS_ERROR_PACKAGE,
               "the HSDS package has %u %s; nothing was written", imp.problems->len,
               imp.problems->len == 1 ? "problem" : "problems");
  return FALSE;
}
