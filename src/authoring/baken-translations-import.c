/* baken-translations-import.c: translations back from a translator (PO) into
 * translations.csv
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An entry is imported when it is translated and not fuzzy, its msgctxt names a text the
 * source still has and its msgid is that text today. The row then gets the hash of that
 * Dutch text as its source_hash, so a later change of the Dutch shows as fuzzy. A PO file
 * that is not one of ours (no msgctxt, one that names no text that can be translated,
 * no Language) is an error and nothing is written; an entry whose record or Dutch text
 * changed since the export is a conflict: it is left out and reported.
 */
#define G_LOG_DOMAIN "baken-translations"

#include "config.h"

#include "baken-translations.h"

#include <string.h>

#include <gio/gio.h>

#include "baken-content.h"
#include "baken-csv.h"
#include "baken-po.h"
#include "baken-translations-csv.h"
#include "baken-translations-texts.h"

void
baken_translations_import_clear (BakenTranslationsImport *result)
{
  g_clear_pointer (&result->lang, g_free);
  g_clear_pointer (&result->conflicts, g_ptr_array_unref);
}

static gboolean
po_error (GError     **error,
          const char  *path,
          guint        line,
          const char  *format,
          ...) G_GNUC_PRINTF (4, 5);

static gboolean
po_error (GError     **error,
          const char  *path,
          guint        line,
          const char  *format,
          ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  if (line > 0)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s:%u: %s", path, line, message);
  else
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s: %s", path, message);
  return FALSE;
}

/* Whether context is "TABLE:ID:FIELD" of a field translations.csv takes. */
static gboolean
context_is_valid (const char *context)
{
  const char *first = strchr (context, ':');
  const char *last = strrchr (context, ':');
  g_autofree char *resource = NULL;
  int column;

  if (first == NULL || first == last || first == context || last[1] == '\0' ||
      last == first + 1)
    return FALSE;

  resource = g_strndup (context, first - context);
  for (guint t = 0; t < BAKEN_SOURCE_N_TABLES; t++)
    if (strcmp (baken_content_source_table_resource (t), resource) == 0)
      {
        column = baken_content_source_column (t, last + 1);
        return column >= 0 && baken_content_source_column_is_translatable (t, column);
      }

  return FALSE;
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;

  return TRUE;
}

static gboolean
has_control (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if (((guchar) *p < 0x20 && *p != '\n' && *p != '\t') || *p == 0x7f)
      return TRUE;

  return FALSE;
}

/* Whether the entry can be imported; else a conflict is added. */
static gboolean
check_entry (BakenTranslationsImport     *result,
             const char                  *po_path,
             const BakenPoEntry          *entry,
             const BakenTranslatableText *text)
{
  const char *problem = NULL;

  if (text == NULL)
    problem = "the content no longer has this text (its record or its Dutch text was "
              "removed); left out";
  else if (strcmp (entry->id, text->dutch) != 0)
    problem = "the Dutch text changed since the export; left out: export again and "
              "translate the new text";
  else if (strlen (entry->str) > BAKEN_CSV_MAX_FIELD)
    problem = "the translation is longer than 64 KiB; left out: shorten it";
  else if (has_control (entry->str))
    problem = "the translation holds a control character; left out: remove it";

  if (problem != NULL)
    g_ptr_array_add (result->conflicts, g_strdup_printf ("%s:%u: %s: %s", po_path, entry->line,
                                                         entry->context, problem));
  return problem == NULL;
}

gboolean
baken_translations_import (BakenContentSource       *source,
                           const char               *po_path,
                           gboolean                  dry_run,
                           BakenTranslationsImport  *result,
                           GError                  **error)
{
  g_autoptr(BakenPoFile) po = NULL;
  g_autoptr(GPtrArray) texts = NULL;
  g_autoptr(GHashTable) by_context = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                           NULL);
  g_autoptr(GPtrArray) updates = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) hashes = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *problems = NULL;
  int hash_column = baken_content_source_column (BAKEN_SOURCE_TRANSLATION, "source_hash");
  int text_column = baken_content_source_column (BAKEN_SOURCE_TRANSLATION, "text");

  g_return_val_if_fail (source != NULL && po_path != NULL && result != NULL, FALSE);

  memset (result, 0, sizeof *result);
  result->conflicts = g_ptr_array_new_with_free_func (g_free);

  if ((problems = baken_translatable_source_problems (source)) != NULL)
    {
      g_set_error (error, BAKEN_CONTENT_ERROR, BAKEN_CONTENT_ERROR_SOURCE, "%s", problems);
      return FALSE;
    }
  if ((po = baken_po_read (po_path, error)) == NULL)
    return FALSE;
  if (po->language == NULL || *po->language == '\0')
    return po_error (error, po_path, 0, "the header has no Language; add \"Language: ar\\n\" "
                     "(the language of the translations) to it");
  if (!baken_translatable_lang_is_valid (po->language))
    return po_error (error, po_path, 0, "Language \"%s\" is not a language to translate to: "
                     "give a code of 2 or 3 lower-case letters other than nl, such as ar",
                     po->language);
  result->lang = g_strdup (po->language);

  texts = baken_translatable_texts (source);
  for (guint i = 0; i < texts->len; i++)
    g_hash_table_insert (by_context, baken_translatable_context (g_ptr_array_index (texts, i)),
                         g_ptr_array_index (texts, i));

  /* First every entry must be ours: nothing is written for a file that is not. */
  for (guint i = 0; i < po->entries->len; i++)
    {
      const BakenPoEntry *entry = g_ptr_array_index (po->entries, i);

      if (entry->context == NULL || !context_is_valid (entry->context))
        return po_error (error, po_path, entry->line,
                         "msgctxt %s%s%s is not TABLE:ID:FIELD of a text that can be "
                         "translated; import only files of baken-bundle translations export",
                         entry->context != NULL ? "\"" : "",
                         entry->context != NULL ? entry->context : "(none)",
                         entry->context != NULL ? "\"" : "");
    }

  for (guint i = 0; i < po->entries->len; i++)
    {
      const BakenPoEntry *entry = g_ptr_array_index (po->entries, i);
      const BakenTranslatableText *text = g_hash_table_lookup (by_context, entry->context);
      BakenTranslationUpdate *update;
      const char *old_text = NULL, *old_hash = NULL;
      char *hash;
      int row;

      result->n_entries++;
      if (entry->fuzzy)
        {
          result->n_fuzzy++;
          continue;
        }
      if (is_blank (entry->str))
        {
          result->n_empty++;
          continue;
        }
      if (!check_entry (result, po_path, entry, text))
        continue;

      hash = baken_content_source_hash_text (text->dutch);
      g_ptr_array_add (hashes, hash);
      row = baken_content_source_find_translation (source, text->table, text->id, text->field,
                                                   result->lang);
      if (row >= 0)
        {
          old_text = baken_content_source_get (source, BAKEN_SOURCE_TRANSLATION, row,
                                               text_column);
          old_hash = baken_content_source_get (source, BAKEN_SOURCE_TRANSLATION, row,
                                               hash_column);
          if (g_strcmp0 (old_text, entry->str) == 0 && g_strcmp0 (old_hash, hash) == 0)
            {
              result->n_unchanged++;
              continue;
            }
        }

      if (row >= 0)
        result->n_changed++;
      else
        result->n_new++;

      update = g_new0 (BakenTranslationUpdate, 1);
      update->table = text->resource;
      update->id = text->id;
      update->field = text->field;
      update->lang = result->lang;
      update->text = entry->str;
      update->source_hash = hash;
      g_ptr_array_add (updates, update);
    }

  if (dry_run || updates->len == 0)
    return TRUE;

  if (!baken_translations_csv_update (baken_content_source_get_dir (source), updates, error))
    return FALSE;
  result->written = TRUE;

  return TRUE;
}
