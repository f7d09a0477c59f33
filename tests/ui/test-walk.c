/* test-walk.c: from Home to a printed slip and back, by keypad and ear alone
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A resident who cannot see, in Dutch and in Arabic: the --kiosk window under Xvfb,
 * driven only by real keypad keys (XTEST), printing through a private cupsd (the
 * fixture of tests/print). Every utterance handed to the speech queue is recorded; the
 * assertions read that transcript as the resident hears it: every screen is named, every
 * control that gets the focus is said with its place ("…, knop, 3 van 11"), and so is
 * the slip. The transcripts are printed in the test log ("TRANSCRIPT nl"), one numbered
 * line per utterance. Only which key to press next is decided from the window's focus,
 * as a resident decides it from what they hear.
 */
#include "config.h"

#include <string.h>

#include "test-util.h"
#include "ui-test-util.h"
#include "../print/cups-fixture.h"

#include "baken-catalog-life-events.h"
#include "baken-catalog-services.h"
#include "baken-print-page.h"
#include "baken-service-facts.h"
#include "baken-speaker.h"

typedef struct
{
  CupsFixture  cups;
  BakenWindow *window;
  GPtrArray   *said;       /* (element-type utf8) the transcript */
  GRegex      *position;   /* "…, 3 van 11" in the walk's language */
  const char  *language;
} Walk;

static void
speaker_text_cb (BakenSpeaker *speaker,
                 GParamSpec   *pspec,
                 Walk         *walk)
{
  const char *text = baken_speaker_get_text (speaker);

  if (text == NULL)
    return;
  g_ptr_array_add (walk->said, g_strdup (text));
  /* Each utterance in the language of the screen. */
  g_assert_cmpstr (baken_speaker_get_language (speaker), ==, walk->language);
}

static const char *
last_said (Walk *walk)
{
  return walk->said->len > 0 ? g_ptr_array_index (walk->said, walk->said->len - 1) : "";
}

static void
assert_said (Walk       *walk,
             const char *expected)
{
  if (strstr (last_said (walk), expected) == NULL)
    g_error ("expected “%s” in the last utterance “%s”", expected, last_said (walk));
}

/* Whether the transcript from utterance from on has expected. */
static gboolean
said_since (Walk       *walk,
            guint       from,
            const char *expected)
{
  for (guint i = from; i < walk->said->len; i++)
    if (strstr (g_ptr_array_index (walk->said, i), expected) != NULL)
      return TRUE;

  return FALSE;
}

static void
keys (Walk       *walk,
      const char *key)
{
  ui_test_send_keys (walk->window, key, NULL);
  ui_test_settle (walk->window);
}

static void
print_transcript (Walk *walk)
{
  g_test_message ("TRANSCRIPT %s BEGIN", walk->language);
  for (guint i = 0; i < walk->said->len; i++)
    {
      g_autofree char *line = g_strdup (g_ptr_array_index (walk->said, i));

      g_strstrip (line);
      g_strdelimit (line, "\n", '/');
      g_test_message ("%3u  %s", i + 1, line);
    }
  g_test_message ("TRANSCRIPT %s END", walk->language);
}

/* Down until the control is reached; each step must be said with its place. */
static void
move_to (Walk       *walk,
         const char *action,
         const char *target)
{
  for (guint i = 0; i < 80; i++)
    {
      if (ui_test_focus_is (walk->window, action, target))
        return;
      keys (walk, "KP_2");
      if (!g_regex_match (walk->position, last_said (walk), 0, NULL))
        g_error ("the focus moved without its place: “%s”", last_said (walk));
    }

  g_error ("Down never reached %s %s", action, target != NULL ? target : "");
}

/* A new screen: Enter, and it is said by its title (in the first line), its choices
 * and the first one. */
static void
enter_screen (Walk       *walk,
              const char *location,
              const char *title)
{
  g_autofree char *first_line = NULL;

  keys (walk, "KP_Enter");
  ui_test_assert_location (walk->window, location, 5000);
  first_line = g_strndup (last_said (walk), strcspn (last_said (walk), "\n"));
  if (strstr (first_line, title) == NULL)
    g_error ("%s: expected the title “%s” first in “%s”", location, title, last_said (walk));
  if (!g_regex_match (walk->position, last_said (walk), 0, NULL))
    g_error ("%s: no first choice with its place in “%s”", location, last_said (walk));
}

static gboolean
slip_in_out_dir (gpointer data)
{
  return cups_fixture_count_files (data) > 0;
}

/* text with every run of white space made one space. */
static char *
squeeze (const char *text)
{
  g_auto(GStrv) words = g_strsplit_set (text, " \n\t", -1);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0')
      g_string_append_printf (out, "%s%s", out->len > 0 ? " " : "", words[i]);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
walk (gconstpointer data)
{
  const char *language = data;
  gboolean arabic = g_str_equal (language, "ar");
  g_autoptr(BakenConfig) config = NULL;
  g_autoptr(BakenService) service = NULL;
  g_autoptr(BakenLifeEvent) event = NULL;
  g_autoptr(BakenLifeEvent) situation = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *event_id = NULL;
  g_autofree char *situation_id = NULL;
  g_autofree char *service_id = NULL;
  g_autofree char *location = NULL;
  g_autofree char *pdf_text = NULL;
  g_autofree char *words = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GDir) dir = NULL;
  BakenCatalog *catalog;
  Walk w = { { NULL } };
  guint from;

  cups_fixture_setup (&w.cups);
  g_setenv ("CUPS_SERVER", w.cups.server, TRUE);
  config = ui_test_config_new ("[kiosk]\nlanguages = nl;ar\n\n[print]\nprinter = slips\n\n"
                               "[idle]\ntimeout = 600\n");
  w.window = ui_test_window_new (config, TRUE, 1.0, 0, 0);
  w.said = g_ptr_array_new_with_free_func (g_free);
  w.language = "nl";
  w.position = g_regex_new (arabic ? "[0-9]+ (van|من) [0-9]+$" : "[0-9]+ van [0-9]+$",
                            G_REGEX_MULTILINE, 0, NULL);
  g_signal_connect (baken_window_get_speaker (w.window), "notify::text",
                    G_CALLBACK (speaker_text_cb), &w);

  catalog = baken_context_get_catalog (baken_window_get_context (w.window));
  ui_test_find_path (catalog, NULL, NULL, &event_id, &situation_id, &service_id);
  event = baken_catalog_get_life_event (catalog, event_id, language, &error);
  g_assert_no_error (error);
  situation = baken_catalog_get_life_event (catalog, situation_id, language, &error);
  g_assert_no_error (error);
  service = baken_catalog_get_service (catalog, service_id, language, BAKEN_AUDIENCE_PUBLIC,
                                       &error);
  g_assert_no_error (error);

  /* The first key: speech mode, where the resident is and how to move. */
  keys (&w, "KP_Add");
  assert_said (&w, "U bent op het beginscherm.");

  if (arabic)
    {
      /* The language button, by Down like any control; Home again, in Arabic. */
      move_to (&w, "kiosk.language", "ar");
      w.language = "ar";
      keys (&w, "KP_Enter");
      g_assert_cmpstr (baken_window_get_language (w.window), ==, "ar");
      g_assert_true (g_regex_match (w.position, last_said (&w), 0, NULL));
    }

  /* Home → the life event → the situation → the service. */
  move_to (&w, "kiosk.open-event", event_id);
  location = g_strdup_printf ("event:%s", event_id);
  enter_screen (&w, location, event->title);
  move_to (&w, "kiosk.open-event", situation_id);
  g_free (location);
  location = g_strdup_printf ("services:%s", situation_id);
  enter_screen (&w, location, situation->title);
  move_to (&w, "kiosk.open-service", service_id);
  g_free (location);
  location = g_strdup_printf ("service:%s", service_id);
  enter_screen (&w, location, service->name);

  /* Its slip: the preview screen, then Repeat held reads the slip itself. */
  move_to (&w, "kiosk.open-print", service_id);
  keys (&w, "KP_Enter");
  g_free (location);
  location = g_strdup_printf ("print:%s", service_id);
  ui_test_assert_location (w.window, location, 5000);
  ui_test_wait_preview (w.window);
  from = w.said->len;
  ui_test_hold_key (w.window, "KP_0", 1500);
  g_assert_true (said_since (&w, from, service->name));
  g_assert_true (said_since (&w, from, event->title) || said_since (&w, from, situation->title));
  /* Who it is for, what it costs, the wait, as the slip prints them. */
  {
    g_auto(GStrv) facts = baken_service_facts (service);

    for (guint i = 0; facts[i] != NULL; i++)
      if (!said_since (&w, from, facts[i]))
        g_error ("the slip read aloud without “%s”", facts[i]);
  }

  /* Print, by the keypad: the kiosk says that it printed, and the slip is in the tray. */
  move_to (&w, "print.start", NULL);
  from = w.said->len;
  keys (&w, "KP_Enter");
  ui_test_wait_print_state (w.window, "done", 20000);
  ui_test_settle (w.window);
  /* In the language of the screen, as the kiosk translates it. */
  g_assert_true (said_since (&w, from, g_dgettext (GETTEXT_PACKAGE,
                                                   "Neem uw briefje uit de printer")));
  g_assert_cmpuint (w.said->len, >, from);
  /* And what the monitor asks there. */
  g_assert_true (said_since (&w, from, g_dgettext (GETTEXT_PACKAGE, "Heeft dit u geholpen?")));
  /* All of it in one go, ending where the focus is (Begin), so nothing is cut short. */
  assert_said (&w, g_dgettext (GETTEXT_PACKAGE, "Neem uw briefje uit de printer"));
  g_assert_true (g_regex_match (w.position, last_said (&w), 0, NULL));
  g_assert_true (ui_test_focus_is (w.window, "kiosk.home", NULL));
  g_assert_true (ui_test_wait (slip_in_out_dir, w.cups.out, 20000));
  dir = g_dir_open (w.cups.out, 0, &error);
  g_assert_no_error (error);
  {
    g_autofree char *pdf = g_build_filename (w.cups.out, g_dir_read_name (dir), NULL);

    pdf_text = cups_fixture_pdftotext (pdf);
  }
  words = squeeze (pdf_text);
  name = squeeze (service->name);
  if (strstr (words, name) == NULL)
    g_error ("the printed slip does not name “%s”: %s", name, words);

  /* And back: Home, said as Home. */
  keys (&w, "KP_Multiply");
  ui_test_assert_location (w.window, "home", 5000);
  g_assert_true (g_regex_match (w.position, last_said (&w), 0, NULL));

  print_transcript (&w);

  g_regex_unref (w.position);
  g_ptr_array_unref (w.said);
  ui_test_window_destroy (w.window);
  cups_fixture_teardown (&w.cups);
  g_unsetenv ("CUPS_SERVER");
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("BAKEN_SPEECH_OUTPUT", "none", TRUE);
  ui_test_init (&argc, &argv);

  g_test_add_data_func ("/nonvisual/walk/nl", "nl", walk);
  g_test_add_data_func ("/nonvisual/walk/ar", "ar", walk);

  return g_test_run ();
}
