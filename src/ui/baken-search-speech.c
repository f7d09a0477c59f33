/* baken-search-speech.c: what the search page says, without its keyboard
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Read as a page, the search screen would say every key of the on-screen keyboard
 * ("q. w. e. r. …"). It says instead what a person needs: what they typed, what was
 * found. In speech mode each change is said at once, replacing what was being said, so
 * that fast typing is not held up: "h. Typ nog een letter.", then "u. Er zijn 4
 * resultaten. Huur en wonen. Huurtoeslag. Huurteam."
 */
#define G_LOG_DOMAIN "baken-search-speech"

#include "config.h"

#include "baken-search-speech.h"

#include <glib/gi18n.h>
#include <string.h>

#include "baken-speakable.h"
#include "baken-speech-text.h"

/* How many results are read after each letter. */
#define FIRST_RESULTS 3

typedef struct
{
  BakenSpeechMode     *speech_mode;  /* (owned) */
  BakenA11yController *a11y;         /* (owned) */
  char                *text;         /* (owned) what the page showed last */
} Watch;

static void
watch_free (gpointer data)
{
  Watch *watch = data;

  g_clear_object (&watch->speech_mode);
  g_clear_object (&watch->a11y);
  g_free (watch->text);
  g_free (watch);
}

static gboolean
is_result (GtkWidget *widget)
{
  return GTK_IS_ACTIONABLE (widget) &&
         gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)) != NULL;
}

/* The results (or suggestions) on page, up to max (0: all), each on a line. */
static void
append_results (GString         *speech,
                BakenSearchPage *page,
                guint            max)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (baken_search_page_get_results (page));
       child != NULL && (max == 0 || n < max);
       child = gtk_widget_get_next_sibling (child))
    {
      g_autofree char *text = NULL;

      if (!is_result (child))
        continue;
      text = baken_speakable_collect_text (child);
      if (text != NULL)
        {
          /* One result is one sentence: its title and what is under it. */
          g_strdelimit (g_strstrip (text), "\n", ' ');
          baken_speech_text_append (speech, text);
          n++;
        }
    }
}

static guint
count_results (BakenSearchPage *page)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (baken_search_page_get_results (page));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (is_result (child))
      n++;

  return n;
}

/* What changed in the typed text, as a person says it. */
static void
append_change (GString    *speech,
               const char *before,
               const char *now)
{
  gsize len_before = strlen (before);
  gsize len_now = strlen (now);

  if (len_now > len_before && strncmp (before, now, len_before) == 0 &&
      g_utf8_strlen (now + len_before, -1) == 1)
    {
      if (g_str_equal (now + len_before, " "))
        /* Translators: said in speech mode when a space was typed in the search */
        baken_speech_text_append (speech, _("spatie"));
      else
        baken_speech_text_append (speech, now + len_before);
    }
  else if (len_now < len_before && strncmp (before, now, len_now) == 0)
    {
      /* Translators: said in speech mode when the last letter of the search went */
      baken_speech_text_append (speech, _("Letter weg."));
    }
  else if (*now != '\0')
    {
      baken_speech_text_append (speech, now);
    }
}

static void
text_changed_cb (BakenSearchPage *page,
                 GParamSpec      *pspec,
                 Watch           *watch)
{
  const char *now = baken_search_page_get_text (page);
  const char *status = baken_search_page_get_status (page);
  g_autoptr(GString) speech = g_string_new (NULL);
  guint n;

  if (g_strcmp0 (now, watch->text) == 0)
    return;

  if (baken_speech_mode_get_on (watch->speech_mode))
    {
      append_change (speech, watch->text, now);
      n = count_results (page);
      if (status != NULL && g_str_equal (status, _("Dit hebben we gevonden:")) && n > 0)
        {
          g_autofree char *found = NULL;

          /* Translators: said in speech mode after each letter typed in the search */
          found = g_strdup_printf (ngettext ("Er is %u resultaat.", "Er zijn %u resultaten.", n),
                                   n);
          baken_speech_text_append (speech, found);
          append_results (speech, page, FIRST_RESULTS);
        }
      else
        {
          /* "Typ nog een letter.", or nothing found and what might fit instead. */
          baken_speech_text_append (speech, status);
          append_results (speech, page, FIRST_RESULTS);
        }
      baken_a11y_controller_say (watch->a11y, speech->str);
    }

  g_free (watch->text);
  watch->text = g_strdup (now);
}

char *
baken_search_speech_dup_text (BakenSearchPage *page)
{
  g_autoptr(GString) speech = g_string_new (NULL);
  g_autofree char *typed = NULL;

  g_return_val_if_fail (BAKEN_IS_SEARCH_PAGE (page), NULL);

  /* The page's title (baken-search-page.ui). */
  baken_speech_text_append (speech, _("Zoek met een woord"));
  typed = g_strstrip (g_strdup (baken_search_page_get_text (page)));
  if (*typed != '\0')
    {
      /* Translators: read aloud on the search screen: what the resident typed */
      g_autofree char *line = g_strdup_printf (_("U zoekt: %s."), typed);

      baken_speech_text_append (speech, line);
    }
  baken_speech_text_append (speech, baken_search_page_get_status (page));
  append_results (speech, page, 0);

  return g_string_free (g_steal_pointer (&speech), FALSE);
}

void
baken_search_speech_attach (BakenSearchPage     *page,
                            BakenSpeechMode     *speech_mode,
                            BakenA11yController *a11y)
{
  Watch *watch;

  g_return_if_fail (BAKEN_IS_SEARCH_PAGE (page));
  g_return_if_fail (BAKEN_IS_SPEECH_MODE (speech_mode));
  g_return_if_fail (BAKEN_IS_A11Y_CONTROLLER (a11y));

  /* Once per page, however often it is shown. */
  if (g_object_get_data (G_OBJECT (page), "baken-search-speech") != NULL)
    return;
  g_object_set_data (G_OBJECT (page), "baken-search-speech", GINT_TO_POINTER (TRUE));

  watch = g_new0 (Watch, 1);
  watch->speech_mode = g_object_ref (speech_mode);
  watch->a11y = g_object_ref (a11y);
  watch->text = g_strdup (baken_search_page_get_text (page));
  g_signal_connect_data (page, "notify::text", G_CALLBACK (text_changed_cb), watch,
                         (GClosureNotify) (void (*) (void)) watch_free, 0);
}
