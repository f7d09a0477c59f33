/* baken-inspect-source.c: a human summary of a content source folder
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The source is loaded as the build loads it; the translation figures come from
 * baken-translations.c, as `baken-bundle translations export` sees them.
 */
#define G_LOG_DOMAIN "baken-inspect"

#include "config.h"

#include "baken-inspect-source.h"

#include "baken-content-source.h"
#include "baken-translations.h"

gboolean
baken_inspect_is_source (const char *path)
{
  g_autofree char *package = g_build_filename (path, "datapackage.json", NULL);

  return g_file_test (path, G_FILE_TEST_IS_DIR) &&
         g_file_test (package, G_FILE_TEST_IS_REGULAR);
}

char *
baken_inspect_source (const char  *path,
                      GError     **error)
{
  g_autoptr(BakenContentSource) source = NULL;
  g_autoptr(GPtrArray) langs = NULL;
  g_autoptr(GPtrArray) stats = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  GPtrArray *problems;
  guint n_texts = 0;

  g_return_val_if_fail (path != NULL, NULL);

  if ((source = baken_content_source_load (path, error)) == NULL)
    return NULL;

  problems = baken_content_source_get_problems (source);
  langs = baken_content_source_get_languages (source);
  stats = baken_translations_stats (source);

  g_string_append_printf (out, "Content source: %s\n", path);
  g_string_append_printf (out, "Publisher: %s\n", baken_content_source_get_publisher (source) != NULL
                          ? baken_content_source_get_publisher (source) : "(none)");
  g_string_append_printf (out, "Region: %s\n", baken_content_source_get_region (source) != NULL
                          ? baken_content_source_get_region (source) : "(none)");
  g_string_append (out, "Languages:");
  for (guint i = 0; i < langs->len; i++)
    g_string_append_printf (out, " %s", (const char *) g_ptr_array_index (langs, i));
  g_string_append_printf (out, "\nProblems: %u%s\n", problems->len,
                          problems->len > 0 ? " (baken-bundle lint lists them)" : "");

  g_string_append (out, "\nRows:\n");
  for (guint t = 0; t < BAKEN_SOURCE_N_TABLES; t++)
    if (baken_content_source_has_table (source, t))
      g_string_append_printf (out, "  %-24s %u\n", baken_content_source_table_file (t),
                              baken_content_source_get_n_rows (source, t));

  for (guint i = 0; i < stats->len; i++)
    n_texts = ((BakenTranslationStats *) g_ptr_array_index (stats, i))->n_texts;
  g_string_append_printf (out, "\nTranslations (of %u Dutch texts that can be translated):\n",
                          n_texts);
  if (stats->len == 0)
    g_string_append (out, "  none: every text is in Dutch only\n");
  for (guint i = 0; i < stats->len; i++)
    {
      BakenTranslationStats *s = g_ptr_array_index (stats, i);
      /* Rounded down: 100% only when every text is translated. */
      guint percent = s->n_texts > 0 ? (guint) ((guint64) s->n_translated * 100 / s->n_texts)
                                     : 100;

      g_string_append_printf (out, "  %-4s %3u%%   %u translated, %u fuzzy, %u without source "
                              "hash\n", s->lang, percent, s->n_translated, s->n_fuzzy,
                              s->n_unstamped);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}
