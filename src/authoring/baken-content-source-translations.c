/* baken-content-source-translations.c: translations.csv and the texts in each language
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Which text fields may be translated, the checks of translations.csv (a known table,
 * field and id; not Dutch; not twice; a well-formed source_hash), the languages each
 * record has, and the text of a field in a language, for the writer.
 *
 * source_hash says which Dutch text a translation was made from: "sha256:" and the first
 * 12 hexadecimal digits of the SHA-256 of that text (UTF-8, line breaks as LF). The prefix
 * keeps a spreadsheet from reading the digits as a number. A translation whose hash is
 * not the one of today's Dutch text is out of date ("fuzzy").
 */
#define G_LOG_DOMAIN "baken-content-source"

#include "config.h"

#include "baken-content-source-translations.h"

#include "baken-content-source.h"
#include "baken-content-source-format.h"
#include "baken-content-source-report.h"

#include <string.h>

typedef struct
{
  TableId     table;
  const char *field;
  guint       column;
} TranslatableField;

/* Which text fields translations.csv may translate. */

static const TranslatableField translatable_fields[] = {
  { T_LIFE_EVENT, "title", LE_TITLE },
  { T_LIFE_EVENT, "summary", LE_SUMMARY },
  { T_LIFE_EVENT, "question", LE_QUESTION },
  { T_LIFE_EVENT, "body", LE_BODY },
  { T_ORGANIZATION, "name", ORG_NAME },
  { T_ORGANIZATION, "description", ORG_DESCRIPTION },
  { T_SERVICE, "name", SVC_NAME },
  { T_SERVICE, "description", SVC_DESCRIPTION },
  { T_SERVICE, "application_process", SVC_APPLICATION_PROCESS },
  { T_SERVICE, "fees_description", SVC_FEES_DESCRIPTION },
  { T_SERVICE, "eligibility_description", SVC_ELIGIBILITY_DESCRIPTION },
  { T_SERVICE, "alert", SVC_ALERT },
  { T_SERVICE, "fees", SVC_FEES },
  { T_SERVICE, "wait_time", SVC_WAIT_TIME },
  { T_LOCATION, "name", LOC_NAME },
  { T_LOCATION, "description", LOC_DESCRIPTION },
  { T_LOCATION, "transportation", LOC_TRANSPORTATION },
  { T_PHONE, "description", PH_DESCRIPTION },
  { T_PHONE, "cost_note", PH_COST_NOTE },
  { T_CHANNEL, "label", CH_LABEL },
  { T_CHANNEL, "cost_note", CH_COST_NOTE },
  { T_REQUIRED_DOCUMENT, "document", DOC_DOCUMENT },
  { T_ACCESSIBILITY, "description", ACC_DESCRIPTION },
  { T_LIFE_EVENT_SERVICE, "note", LES_NOTE },
  { T_SCHEDULE_EXCEPTION, "note", EXC_NOTE },
};

/* Translations */

static const TranslatableField *
find_translatable (TableId     table,
                   const char *field)
{
  for (guint i = 0; i < G_N_ELEMENTS (translatable_fields); i++)
    if (translatable_fields[i].table == table && strcmp (translatable_fields[i].field, field) == 0)
      return &translatable_fields[i];

  return NULL;
}

static char *
translatable_list (int table)
{
  g_autoptr(GString) out = g_string_new (NULL);
  int last = -1;

  for (guint i = 0; i < G_N_ELEMENTS (translatable_fields); i++)
    {
      const TranslatableField *f = &translatable_fields[i];

      if (table < 0 && (int) f->table != last)
        g_string_append_printf (out, "%s%s", out->len > 0 ? ", " : "",
                                baken_source_table_spec (f->table)->resource);
      else if (table >= 0 && (int) f->table == table)
        g_string_append_printf (out, "%s%s", out->len > 0 ? ", " : "", f->field);
      last = f->table;
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
add_lang (Source     *b,
          const char *table,
          const char *id,
          const char *lang)
{
  g_autofree char *key = g_strdup_printf ("%s\t%s", table, id);
  GPtrArray *langs = g_hash_table_lookup (b->translated_langs, key);

  if (langs == NULL)
    {
      langs = g_ptr_array_new ();
      g_hash_table_insert (b->translated_langs, g_steal_pointer (&key), langs);
    }
  if (!g_ptr_array_find_with_equal_func (langs, lang, g_str_equal, NULL))
    {
      g_ptr_array_add (langs, (gpointer) lang);
      g_ptr_array_sort (langs, baken_source_compare_strings);
    }
  g_hash_table_add (b->langs, (gpointer) lang);
}

void
baken_source_check_translations (Source *b)
{
  Table *t = &b->tables[T_TRANSLATION];
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint r = 0; r < t->rows->len; r++)
    {
      Row *row = g_ptr_array_index (t->rows, r);
      const char *table = value (row, TR_TABLE);
      const char *id = value (row, TR_ID);
      const char *field = value (row, TR_FIELD);
      const char *lang = value (row, TR_LANG);
      const char *text = value (row, TR_TEXT);
      const TranslatableField *tf;
      g_autofree char *allowed = NULL;
      int tid = -1;
      char *key;
      Row *first;

      if (table == NULL || id == NULL || field == NULL || lang == NULL || text == NULL)
        continue;

      for (guint i = 0; i < N_TABLES; i++)
        if (strcmp (baken_source_table_spec (i)->resource, table) == 0)
          tid = i;

      allowed = tid >= 0 ? translatable_list (tid) : NULL;
      if (allowed == NULL || *allowed == '\0')
        {
          g_autofree char *tables = translatable_list (-1);

          baken_source_report_field (b->report, t, row, TR_TABLE,
                                     "table \"%s\" has no texts to translate; use one "
                                     "of: %s", table, tables);
          continue;
        }

      tf = find_translatable (tid, field);
      if (tf == NULL)
        {
          baken_source_report_field (b->report, t, row, TR_FIELD,
                                     "field \"%s\" is not a text of %s; use one of: %s",
                                     field, table, allowed);
          continue;
        }

      if (!g_hash_table_contains (b->tables[tid].by_id, id))
        {
          baken_source_report_field (b->report, t, row, TR_ID,
                                     "%s \"%s\" does not exist in %s; fix the id or "
                                     "remove the translation", table, id,
                                     baken_source_table_spec (tid)->file);
          continue;
        }

      if (strcmp (lang, "nl") == 0)
        {
          baken_source_report_field (b->report, t, row, TR_LANG,
                                     "lang is nl, the source language; change the Dutch "
                                     "text in %s instead",
                                     baken_source_table_spec (tid)->file);
          continue;
        }

      key = g_strjoin ("\t", table, id, field, lang, NULL);
      first = g_hash_table_lookup (seen, key);
      if (first != NULL)
        {
          baken_source_report_field (b->report, t, row, TR_TEXT,
                                     "%s \"%s\" %s is translated to %s twice (first on "
                                     "line %u); remove one of the rows", table, id, field,
                                     lang, first->line);
          g_free (key);
          continue;
        }
      if (value (row, TR_SOURCE_HASH) != NULL &&
          !baken_content_source_is_text_hash (value (row, TR_SOURCE_HASH)))
        baken_source_report_field (b->report, t, row, TR_SOURCE_HASH,
                                   "source_hash \"%s\" is not \"sha256:\" and 12 hexadecimal "
                                   "digits; leave it empty, baken-bundle translations import "
                                   "fills it in", value (row, TR_SOURCE_HASH));
      g_hash_table_insert (seen, g_strdup (key), row);
      g_hash_table_insert (b->translations, key, row);
      add_lang (b, table, id, lang);

      /* An accessibility text lands in the location_text row of its location. */
      if (tid == T_ACCESSIBILITY)
        {
          Row *acc = g_hash_table_lookup (b->tables[T_ACCESSIBILITY].by_id, id);

          if (value (acc, ACC_LOCATION_ID) != NULL)
            add_lang (b, "location", value (acc, ACC_LOCATION_ID), lang);
        }
    }
}

/* Texts */

GPtrArray *
baken_source_record_langs (Source     *b,
                           const char *table,
                           const char *id)
{
  g_autofree char *key = g_strdup_printf ("%s\t%s", table, id);
  GPtrArray *translated = g_hash_table_lookup (b->translated_langs, key);
  GPtrArray *langs = g_ptr_array_new ();

  g_ptr_array_add (langs, (gpointer) "nl");
  if (translated != NULL)
    for (guint i = 0; i < translated->len; i++)
      g_ptr_array_add (langs, g_ptr_array_index (translated, i));

  return langs;
}

const char *
baken_source_text_in (Source     *b,
                      TableId     tid,
                      const char *id,
                      Row        *row,
                      guint       col,
                      const char *lang)
{
  g_autofree char *key = NULL;

  if (strcmp (lang, "nl") == 0)
    return value (row, col);

  for (guint i = 0; i < G_N_ELEMENTS (translatable_fields); i++)
    {
      const TranslatableField *f = &translatable_fields[i];

      if (f->table == tid && f->column == col)
        {
          Row *translation;

          key = g_strjoin ("\t", baken_source_table_spec (tid)->resource, id, f->field, lang, NULL);
          translation = g_hash_table_lookup (b->translations, key);
          return translation != NULL ? value (translation, TR_TEXT) : NULL;
        }
    }

  return NULL;
}

GPtrArray *
baken_source_sorted_langs (Source *b)
{
  GPtrArray *langs = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, b->langs);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (langs, key);
  g_ptr_array_sort (langs, baken_source_compare_strings);

  return langs;
}

#define HASH_PREFIX "sha256:"
#define HASH_DIGITS 12

char *
baken_content_source_hash_text (const char *text)
{
  g_autoptr(GString) normal = g_string_new (text);
  g_autofree char *digest = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  g_string_replace (normal, "\r\n", "\n", 0);
  digest = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) normal->str,
                                        normal->len);
  return g_strdup_printf (HASH_PREFIX "%.*s", HASH_DIGITS, digest);
}

gboolean
baken_content_source_is_text_hash (const char *text)
{
  if (text == NULL || !g_str_has_prefix (text, HASH_PREFIX) ||
      strlen (text) != strlen (HASH_PREFIX) + HASH_DIGITS)
    return FALSE;

  for (const char *p = text + strlen (HASH_PREFIX); *p != '\0'; p++)
    if (!g_ascii_isxdigit (*p) || g_ascii_isupper (*p))
      return FALSE;

  return TRUE;
}

gboolean
baken_content_source_column_is_translatable (BakenSourceTable table,
                                             guint            column)
{
  for (guint i = 0; i < G_N_ELEMENTS (translatable_fields); i++)
    if ((int) translatable_fields[i].table == (int) table && translatable_fields[i].column == column)
      return TRUE;

  return FALSE;
}
