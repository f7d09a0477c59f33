/* baken-count-terms.c: which search terms without a result the monitor may keep
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The word lists are large (Polish: some 40 MB) and needed only for the few searches
 * that found nothing, so they are never loaded: each is read once per flush of the
 * counts, line by line, in the monitor's thread, looking for the few words asked.
 */
#define G_LOG_DOMAIN "baken-monitor"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "baken-count-terms.h"
#include "baken-search.h"

#define TERM_MAX_CHARS 64

/* The word list files of Debian's w* packages, per language of the kiosk. */
static const struct {
  const char *lang;
  const char *files[3];
} word_lists[] = {
  { "nl", { "dutch", NULL } },
  { "en", { "british-english", "american-english", NULL } },
  { "pl", { "polish", NULL } },
  { "uk", { "ukrainian", NULL } },
};

char *
baken_count_term_normalize (const char *text)
{
  g_autoptr(GString) term = g_string_new (NULL);
  g_autofree char *lower = NULL;
  g_auto(GStrv) words = NULL;
  glong chars = 0;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return NULL;

  lower = g_utf8_strdown (text, -1);
  words = g_strsplit_set (lower, " \t\r\n", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      const char *word = words[i];
      gboolean letter_before = FALSE;

      if (*word == '\0')
        continue;
      for (const char *p = word; *p != '\0'; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          /* Letters only, a hyphen or apostrophe between them: "ex-partner". */
          if (g_unichar_isalpha (c) && !g_unichar_isupper (c))
            letter_before = TRUE;
          else if ((c == '-' || c == '\'') && letter_before && p[1] != '\0')
            letter_before = FALSE;
          else
            return NULL;
        }
      if (!letter_before)
        return NULL;
      if (term->len > 0)
        g_string_append_c (term, ' ');
      g_string_append (term, word);
    }

  chars = g_utf8_strlen (term->str, -1);
  if (chars == 0 || chars > TERM_MAX_CHARS)
    return NULL;

  return g_string_free (g_steal_pointer (&term), FALSE);
}

GStrv
baken_count_term_unknown_words (BakenCatalog  *catalog,
                                const char    *term,
                                GError       **error)
{
  g_auto(GStrv) words = g_strsplit (term, " ", -1);
  g_autoptr(GStrvBuilder) unknown = g_strv_builder_new ();

  for (guint i = 0; words[i] != NULL; i++)
    {
      gboolean known = FALSE;

      if (!baken_search_knows_word (catalog, words[i], &known, error))
        return NULL;
      if (!known)
        g_strv_builder_add (unknown, words[i]);
    }

  return g_strv_builder_end (unknown);
}

GStrv
baken_count_terms_lists_for (const char         *dir,
                             const char * const *languages)
{
  g_autoptr(GStrvBuilder) lists = g_strv_builder_new ();

  for (guint l = 0; languages != NULL && languages[l] != NULL; l++)
    for (guint i = 0; i < G_N_ELEMENTS (word_lists); i++)
      if (g_str_equal (word_lists[i].lang, languages[l]))
        for (guint f = 0; word_lists[i].files[f] != NULL; f++)
          {
            g_autofree char *path = g_build_filename (dir, word_lists[i].files[f], NULL);

            g_strv_builder_add (lists, path);
          }

  return g_strv_builder_end (lists);
}

/* A regular file of at most the cap, opened for reading; NULL otherwise. */
static FILE *
open_list (const char *path)
{
  struct stat st;
  FILE *file;
  int fd = open (path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);

  if (fd < 0)
    {
      g_debug ("No word list %s: %s", path, g_strerror (errno));
      return NULL;
    }
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode) || st.st_size > BAKEN_COUNT_TERMS_MAX_LIST)
    {
      g_message ("The word list %s is not a regular file of at most %" G_GINT64_FORMAT
                 " bytes: not used", path, (gint64) BAKEN_COUNT_TERMS_MAX_LIST);
      close (fd);
      return NULL;
    }
  file = fdopen (fd, "r");
  if (file == NULL)
    close (fd);

  return file;
}

void
baken_count_terms_find (GHashTable         *words,
                        const char * const *lists)
{
  guint missing = 0;
  GHashTableIter iter;
  gpointer found;

  g_hash_table_iter_init (&iter, words);
  while (g_hash_table_iter_next (&iter, NULL, &found))
    missing += found == NULL;

  for (guint i = 0; lists != NULL && lists[i] != NULL && missing > 0; i++)
    {
      FILE *file = open_list (lists[i]);
      char *line = NULL;
      size_t size = 0;
      ssize_t length;
      goffset total = 0;

      if (file == NULL)
        continue;
      while (missing > 0 && (length = getline (&line, &size, file)) > 0)
        {
          gpointer key = NULL;

          /* A file that grew while it was read is still read no further than the cap. */
          total += length;
          if (total > BAKEN_COUNT_TERMS_MAX_LIST)
            break;
          line[strcspn (line, "\r\n")] = '\0';
          if (g_hash_table_lookup_extended (words, line, &key, &found) && found == NULL)
            {
              g_hash_table_insert (words, g_strdup (line), GINT_TO_POINTER (TRUE));
              missing--;
            }
        }
      free (line);
      fclose (file);
    }
}
