/* baken-translations.c: how far each language is, and texts out to a translator (PO)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The import is in baken-translations-import.c; the texts both work on come from
 * baken-translations-texts.c.
 */
#define G_LOG_DOMAIN "baken-translations"

#include "config.h"

#include "baken-translations.h"

#include <string.h>

#include <gio/gio.h>

#include "baken-content.h"
#include "baken-po.h"
#include "baken-translations-texts.h"

void
baken_translation_stats_free (BakenTranslationStats *stats)
{
  if (stats == NULL)
    return;

  g_free (stats->lang);
  g_free (stats);
}

/* The translation of text into lang (NULL if none) and whether it is out of date. */
static const char *
translation_of (BakenContentSource          *source,
                const BakenTranslatableText *text,
                const char                  *lang,
                gboolean                    *fuzzy,
                gboolean                    *stamped)
{
  int row = baken_content_source_find_translation (source, text->table, text->id,
                                                   text->field, lang);
  const char *hash;

  *fuzzy = *stamped = FALSE;
  if (row < 0)
    return NULL;

  hash = baken_content_source_get (source, BAKEN_SOURCE_TRANSLATION, row,
                                   baken_content_source_column (BAKEN_SOURCE_TRANSLATION,
                                                                "source_hash"));
  if (hash != NULL)
    {
      g_autofree char *now = baken_content_source_hash_text (text->dutch);

      *stamped = TRUE;
      *fuzzy = strcmp (hash, now) != 0;
    }

  return baken_content_source_get (source, BAKEN_SOURCE_TRANSLATION, row,
                                   baken_content_source_column (BAKEN_SOURCE_TRANSLATION,
                                                                "text"));
}

GPtrArray *
baken_translations_stats (BakenContentSource *source)
{
  g_autoptr(GPtrArray) texts = baken_translatable_texts (source);
  g_autoptr(GPtrArray) langs = baken_content_source_get_languages (source);
  GPtrArray *all = g_ptr_array_new_with_free_func ((GDestroyNotify) baken_translation_stats_free);

  for (guint l = 0; l < langs->len; l++)
    {
      const char *lang = g_ptr_array_index (langs, l);
      BakenTranslationStats *stats;

      if (strcmp (lang, "nl") == 0)
        continue;

      stats = g_new0 (BakenTranslationStats, 1);
      stats->lang = g_strdup (lang);
      stats->n_texts = texts->len;
      for (guint i = 0; i < texts->len; i++)
        {
          gboolean fuzzy, stamped;

          if (translation_of (source, g_ptr_array_index (texts, i), lang, &fuzzy, &stamped) == NULL)
            continue;
          stats->n_translated++;
          stats->n_fuzzy += fuzzy;
          stats->n_unstamped += !stamped;
        }
      g_ptr_array_add (all, stats);
    }

  return all;
}

void
baken_translations_export_clear (BakenTranslationsExport *result)
{
  g_clear_pointer (&result->skipped, g_ptr_array_unref);
}

/* Whether text holds a control character other than a line break or a tab: gettext
 * tools refuse some of them (a carriage return), and no resident should see any. */
static gboolean
has_control (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if (((guchar) *p < 0x20 && *p != '\n' && *p != '\t') || *p == 0x7f)
      return TRUE;

  return FALSE;
}

/* msgfmt -c wants a msgid and its msgstr to begin and end alike with a line break. */
static gboolean
same_ends (const char *a,
           const char *b)
{
  gsize la = strlen (a), lb = strlen (b);

  return (a[0] == '\n') == (b[0] == '\n') &&
         (la > 0 && a[la - 1] == '\n') == (lb > 0 && b[lb - 1] == '\n');
}

static char *
header_comment (BakenContentSource *source,
                const char         *lang)
{
  return g_strdup_printf (
    "# Teksten van %s voor Baken, om te vertalen naar \"%s\".\n"
    "# Vertaal elke msgstr. Schrijf eenvoudig: korte zinnen, gewone woorden, \"u\" of de\n"
    "# beleefde vorm van uw taal. Laat namen, nummers, adressen en links zoals ze zijn.\n"
    "# Verander msgctxt en msgid niet. \"fuzzy\": de Nederlandse tekst is veranderd na de\n"
    "# vertaling; kijk de vertaling na en haal dan \"fuzzy\" weg.\n"
    "# Terug: baken-bundle translations import %s BESTAND.po\n",
    baken_content_source_get_publisher (source) != NULL
      ? baken_content_source_get_publisher (source) : baken_content_source_get_dir (source),
    lang, baken_content_source_get_dir (source));
}

gboolean
baken_translations_export (BakenContentSource       *source,
                           const char               *lang,
                           const char               *out_path,
                           BakenTranslationsExport  *result,
                           GError                  **error)
{
  g_autoptr(GPtrArray) texts = NULL;
  g_autoptr(GString) out = NULL;
  g_autofree char *problems = NULL;
  g_autofree char *comment = NULL;
  g_autofree char *project = NULL;
  g_autofree char *language = NULL;
  const char *header[7];

  g_return_val_if_fail (source != NULL, FALSE);
  g_return_val_if_fail (out_path != NULL && result != NULL, FALSE);

  memset (result, 0, sizeof *result);
  result->skipped = g_ptr_array_new_with_free_func (g_free);

  if (!baken_translatable_lang_is_valid (lang))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "\"%s\" is not a language to translate to: give a code of 2 or 3 "
                   "lower-case letters other than nl, such as ar", lang != NULL ? lang : "");
      return FALSE;
    }
  if ((problems = baken_translatable_source_problems (source)) != NULL)
    {
      g_set_error (error, BAKEN_CONTENT_ERROR, BAKEN_CONTENT_ERROR_SOURCE, "%s", problems);
      return FALSE;
    }

  out = g_string_new (NULL);
  comment = header_comment (source, lang);
  g_string_append (out, comment);
  project = g_strdup_printf ("Project-Id-Version: %s",
                             baken_content_source_get_publisher (source) != NULL
                             ? baken_content_source_get_publisher (source) : "Baken content");
  language = g_strdup_printf ("Language: %s", lang);
  /* Empty fields for the translator's tool to fill in: an export of the same source is
   * the same file. */
  header[0] = project;
  header[1] = "PO-Revision-Date: ";
  header[2] = "Last-Translator: ";
  header[3] = "Language-Team: ";
  header[4] = language;
  header[5] = "X-Generator: baken-bundle " PACKAGE_VERSION;
  header[6] = NULL;
  baken_po_write_header (out, header);

  texts = baken_translatable_texts (source);
  for (guint i = 0; i < texts->len; i++)
    {
      const BakenTranslatableText *text = g_ptr_array_index (texts, i);
      g_autoptr(BakenPoEntry) entry = g_new0 (BakenPoEntry, 1);
      const char *translation;
      gboolean fuzzy, stamped;
      guint line, column;

      baken_content_source_get_position (source, text->table, text->row, text->column,
                                         &line, &column);
      if (has_control (text->dutch))
        {
          g_ptr_array_add (result->skipped,
                           g_strdup_printf ("%s:%u:%u: the text holds a control character; "
                                            "remove it to translate the text",
                                            baken_content_source_table_file (text->table),
                                            line, column));
          continue;
        }

      translation = translation_of (source, text, lang, &fuzzy, &stamped);
      entry->context = baken_translatable_context (text);
      entry->id = g_strdup (text->dutch);
      entry->str = g_strdup (translation != NULL && !has_control (translation) ? translation : "");
      entry->fuzzy = *entry->str != '\0' && (fuzzy || !same_ends (entry->id, entry->str));
      entry->comment = g_strdup (baken_translatable_hint (text));
      entry->reference = g_strdup_printf ("%s:%u", baken_content_source_table_file (text->table),
                                          line);
      baken_po_write_entry (out, entry);

      result->n_entries++;
      result->n_fuzzy += entry->fuzzy;
      result->n_translated += *entry->str != '\0' && !entry->fuzzy;
    }

  return g_file_set_contents (out_path, out->str, out->len, error);
}
